/** A problem with the data or the request that an analyst can fix; the message names the column. */
export class AnalysisError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnalysisError';
  }
}

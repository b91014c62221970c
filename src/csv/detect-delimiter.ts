/**
 * The separator of a CSV, read from its header line. Spreadsheets in Germany and France write
 * `;` (the comma is their decimal mark), elsewhere `,`; "Unicode text" exports use tabs. The
 * header holds only column names, so counting separators outside quotes there is reliable,
 * where guessing from data rows full of decimal commas is not.
 */
export type CsvDelimiter = ',' | ';' | '\t';

const CANDIDATES: readonly CsvDelimiter[] = [',', ';', '\t'];

export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(CANDIDATES.map((candidate) => [candidate, 0]));
  let quoted = false;
  for (const character of text) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === '\n' || character === '\r')) break;
    else if (!quoted && counts.has(character as CsvDelimiter)) counts.set(character as CsvDelimiter, counts.get(character as CsvDelimiter)! + 1);
  }
  let best: CsvDelimiter = ',';
  for (const candidate of CANDIDATES) if (counts.get(candidate)! > counts.get(best)!) best = candidate;
  return best;
}

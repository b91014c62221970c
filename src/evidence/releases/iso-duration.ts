/**
 * ISO 8601 durations of days, hours, minutes and seconds ("P1D", "PT6H", "P7DT12H", "PT0S"), as
 * campaigners write a release interval. Months and years are refused: their length varies, and
 * an interval between releases must be a fixed time.
 */
const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

export const ISO_DURATION_HINT = 'must be an ISO 8601 duration in weeks, days, hours, minutes or seconds, such as P1D, PT6H or P7D';

/** Milliseconds of the duration, or undefined when the text is not such a duration. */
export function isoDurationMs(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return undefined;
  const [weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0));
  return ((((weeks! * 7 + days!) * 24 + hours!) * 60 + minutes!) * 60 + seconds!) * 1000;
}

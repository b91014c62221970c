/**
 * Reads a number straight from a CSV file's bytes when it is written the way JavaScript writes
 * it (so `String(value)` gives back the very text): an optional minus, no leading zero before
 * other digits, an optional point with digits not ending in 0, at most 15 significant digits, not
 * `-0`, not below 1e-6 (where JavaScript switches to an exponent). Such a cell can stand for its
 * text everywhere (`levelOf`, `numberOf`, conditions give the same answers), without making a
 * string. Anything else — text, `1.50`, `+3`, `1e5`, 17 digits — gives NaN and is read as text.
 *
 * The value is exact: the digits form an integer below 10^15 < 2^53 and 10^k is exact for k ≤ 22,
 * so one IEEE division rounds it correctly, as `Number(text)` does (Clinger 1990, the fast path).
 */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, power) => 10 ** power);

export function plainNumberAt(bytes: Uint8Array, start: number, end: number): number {
  let index = start;
  const negative = bytes[index] === 45; // '-'
  if (negative) index += 1;
  if (index >= end) return Number.NaN;
  let digits = 0;
  let mantissa = 0;
  let code = bytes[index];
  if (code === 48) { // '0': only alone before the point
    index += 1;
    if (index < end && bytes[index] !== 46) return Number.NaN;
  } else {
    for (; index < end; index += 1) {
      code = bytes[index];
      if (code < 48 || code > 57) break;
      mantissa = mantissa * 10 + (code - 48);
      digits += 1;
    }
    if (digits === 0) return Number.NaN;
  }
  let fraction = 0;
  if (index < end) {
    if (bytes[index] !== 46) return Number.NaN;
    index += 1;
    if (index === end || bytes[end - 1] === 48) return Number.NaN;
    for (; index < end; index += 1) {
      code = bytes[index];
      if (code < 48 || code > 57) return Number.NaN;
      mantissa = mantissa * 10 + (code - 48);
      fraction += 1;
      if (mantissa !== 0) digits += 1;
      // 0.000000x and smaller are written with an exponent.
      else if (fraction === 6) return Number.NaN;
    }
  }
  if (digits > 15) return Number.NaN;
  if (negative && mantissa === 0) return Number.NaN;
  const value = fraction === 0 ? mantissa : mantissa / POWERS_OF_TEN[fraction];
  return negative ? -value : value;
}

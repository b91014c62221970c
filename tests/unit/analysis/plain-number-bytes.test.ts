import { plainNumberAt } from '../../../analysis/plain-number-bytes';

const read = (text: string) => {
  const bytes = Buffer.from(`,${text},`);
  return plainNumberAt(bytes, 1, bytes.length - 1);
};

describe('plainNumberAt', () => {
  let state = 20261203;
  const uniform = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const texts: string[] = [];
  for (let index = 0; index < 20_000; index += 1) {
    const value = (uniform() - 0.3) * 10 ** Math.floor(uniform() * 24 - 8);
    texts.push(String(value), value.toFixed(Math.floor(uniform() * 8)), value.toPrecision(1 + Math.floor(uniform() * 16)), String(Math.round(value)));
  }

  test('when a cell holds any number text, then the value read is Number(text) and its text is String(value), or the cell is left to be read as text', () => {
    let readFromBytes = 0;
    const wrong: Array<[string, number]> = [];
    for (const text of texts) {
      const value = read(text);
      if (Number.isNaN(value)) continue;
      readFromBytes += 1;
      if (value !== Number(text) || String(value) !== text) wrong.push([text, value]);
    }
    expect(wrong).toEqual([]);
    expect(readFromBytes).toBeGreaterThan(texts.length / 2);
  });

  test('when JavaScript writes a number of up to 15 digits between 1e-6 and 1e15, then it is read from the bytes', () => {
    for (const text of ['0', '7', '-12', '0.05', '-0.000001', '123456789012345', '12.3456', '99999.99999']) expect(read(text)).toBe(Number(text));
  });

  test('when a number is written otherwise, then it is left as text', () => {
    for (const text of ['', '-', '-0', '+1', '01', '1.', '.5', '1.50', '1e5', '0.0000001', '1234567890123456', ' 1', '1 ', 'NA', '1,5', '0x10', 'Infinity']) expect(read(text)).toBeNaN();
  });
});

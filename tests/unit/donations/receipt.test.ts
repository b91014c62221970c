import { generateReceipt, hashReceipt, hashesEqual, normaliseReceipt } from '../../../src/donations/receipt';

describe('receipts', () => {
  test('when a receipt is generated, then it has 7 groups of 4 Crockford symbols (140 bits)', () => {
    const receipt = generateReceipt();
    expect(receipt).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(Math.log2(32) * 28).toBeGreaterThanOrEqual(128);
  });

  test('when many receipts are generated, then none repeats and every symbol is used', () => {
    const receipts = new Set(Array.from({ length: 2000 }, generateReceipt));
    expect(receipts.size).toBe(2000);
    const symbols = new Set([...receipts].join('').replace(/-/g, ''));
    expect(symbols.size).toBe(32);
  });

  test('when a person types a receipt loosely, then it normalises to the same code', () => {
    const receipt = generateReceipt();
    const typed = ` ${receipt.toLowerCase().replace(/-/g, ' ')} `;
    expect(normaliseReceipt(typed)).toBe(receipt.replace(/-/g, ''));
    expect(normaliseReceipt('OIL0-0000-0000-0000-0000-0000-0000')).toBe('0110000000000000000000000000');
  });

  test('when the input cannot be a receipt, then normalising gives undefined', () => {
    expect(normaliseReceipt('')).toBeUndefined();
    expect(normaliseReceipt('ABCD')).toBeUndefined();
    expect(normaliseReceipt('UUUU-UUUU-UUUU-UUUU-UUUU-UUUU-UUUU')).toBeUndefined();
    expect(normaliseReceipt("' OR 1=1 --")).toBeUndefined();
  });

  test('when two receipts differ, then their hashes differ and compare unequal', () => {
    const first = hashReceipt(normaliseReceipt(generateReceipt())!);
    const second = hashReceipt(normaliseReceipt(generateReceipt())!);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(hashesEqual(first, first)).toBe(true);
    expect(hashesEqual(first, second)).toBe(false);
    expect(hashesEqual(first, 'abcd')).toBe(false);
  });
});

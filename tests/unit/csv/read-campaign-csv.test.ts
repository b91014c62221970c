import { AppError } from '../../../src/app-error';
import { loadCampaigns } from '../../../src/campaigns/load-campaigns';
import { decodeCsvBytes, detectCsvEncoding } from '../../../src/csv/decode-csv-bytes';
import { detectDelimiter } from '../../../src/csv/detect-delimiter';
import { csvIssuesAsErrorIssues, readCampaignCsv } from '../../../src/csv/read-campaign-csv';

const campaign = loadCampaigns().get('platform-decisions')!;
const header = 'platform,month,decision_type,adverse,pay_cents,age_band,sex,nationality,migration_background';
const good = 'uber,2026-03,job-pay,no,1250,25-34,female,non-eu,yes';

function thrown(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('reading a donor CSV', () => {
  test('when the file is UTF-8 with a byte-order mark and CRLF lines, then every row becomes a record', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${header}\r\n${good}\r\n${good}\r\n`)]);
    const csv = readCampaignCsv(campaign, bytes);
    expect(csv.encoding).toBe('utf-8');
    expect(csv.issues).toEqual([]);
    expect(csv.records).toHaveLength(2);
    expect(csv.records[0]).toEqual({ platform: 'uber', month: '2026-03', decision_type: 'job-pay', adverse: false, pay_cents: 1250, age_band: '25-34', sex: 'female', nationality: 'non-eu', migration_background: 'yes' });
  });

  test('when the file is Windows-1252 with semicolons and decimal commas, then it is read as such', () => {
    const text = `${header};distance_km;city\n`.replace(/,/g, ';') + 'wolt;2026-04;job-pay;nein;980;35-44;male;german;no;3,5;munich\n';
    const bytes = Buffer.from(text.replace('munich', 'munich'), 'latin1');
    const withUmlaut = Buffer.concat([bytes.subarray(0, bytes.length - 1), Buffer.from([0x0a])]);
    const csv = readCampaignCsv(campaign, withUmlaut);
    expect(csv.delimiter).toBe(';');
    expect(csv.records[0]).toMatchObject({ distance_km: 3.5, adverse: false, city: 'munich' });
  });

  test('when bytes are not UTF-8, then they are decoded as Windows-1252 (ä, €, é survive)', () => {
    const bytes = Buffer.from([0x61, 0xe4, 0x80, 0xe9]);
    expect(detectCsvEncoding(bytes)).toBe('windows-1252');
    expect(decodeCsvBytes(bytes).text).toBe('aä€é');
    expect(decodeCsvBytes(Buffer.from('aä€é', 'utf8')).encoding).toBe('utf-8');
  });

  test('when a streamed sample ends inside a UTF-8 character, then it is still taken for UTF-8', () => {
    const bytes = Buffer.from('aä', 'utf8');
    expect(detectCsvEncoding(bytes.subarray(0, 2), { partial: true })).toBe('utf-8');
    expect(detectCsvEncoding(bytes.subarray(0, 2))).toBe('windows-1252');
  });

  test('when the file is UTF-16 "Unicode text" with tabs, then it is read', () => {
    const text = `${header.replace(/,/g, '\t')}\n${good.replace(/,/g, '\t')}\n`;
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const csv = readCampaignCsv(campaign, bytes);
    expect(csv.encoding).toBe('utf-16le');
    expect(csv.delimiter).toBe('\t');
    expect(csv.records).toHaveLength(1);
  });

  test('when one row has a bad value, then the issue names its spreadsheet row and the column', () => {
    const text = `${header}\n${good}\n${good.replace('1250', '12.5x')}\n${good}\n`;
    const csv = readCampaignCsv(campaign, Buffer.from(text));
    expect(csv.records.map((record) => record !== undefined)).toEqual([true, false, true]);
    expect(csv.issues).toEqual([expect.objectContaining({ row: 3, index: 1, field: 'pay_cents', message: expect.stringMatching(/^Row 3, column "pay_cents": /) })]);
    expect(csvIssuesAsErrorIssues(csv.issues)).toEqual([{ path: ['records', 1, 'pay_cents'], row: 3, message: csv.issues[0].message }]);
  });

  test('when a required cell is empty, then the issue says the cell was empty', () => {
    const csv = readCampaignCsv(campaign, Buffer.from(`${header}\n${good.replace('female', '')}\n`));
    expect(csv.issues[0]).toMatchObject({ row: 2, field: 'sex', input: undefined });
    expect(readCampaignCsv(campaign, Buffer.from(`${header}\n${good.replace('1250', '12.5')}\n`)).issues[0]).toMatchObject({ field: 'pay_cents', code: 'invalid_type', input: 12.5 });
  });

  test('when blank lines sit between rows, then they are skipped without shifting later row numbers', () => {
    const csv = readCampaignCsv(campaign, Buffer.from(`${header}\n${good}\n,,,,,,,,\n\n${good.replace('uber', 'taxi')}\n`));
    expect(csv.records).toHaveLength(2);
    expect(csv.issues[0]).toMatchObject({ index: 1, field: 'platform' });
  });

  test('when a row has more cells than the header, then the row is named', () => {
    const csv = readCampaignCsv(campaign, Buffer.from(`${header}\n${good},extra\n`));
    expect(csv.issues[0].message).toMatch(/^Row 2 has 10 cells, but the header names 9 columns/);
  });

  test('when the header has an unknown or repeated column or lacks a required one, then each is named', () => {
    const error = thrown(() => readCampaignCsv(campaign, Buffer.from(`${header.replace('pay_cents', 'salary')},sex\n${good},male\n`)));
    expect(error.status).toBe(400);
    expect(error.message).toContain('Unknown column "salary"');
    expect(error.message).toContain('Column "sex" appears twice');
    const missing = thrown(() => readCampaignCsv(campaign, Buffer.from('platform,month\nuber,2026-01\n')));
    expect(missing.issues.map((issue) => issue.message)).toContain('Required column "sex" is missing');
  });

  test('when the header differs only in case and spaces, then it still matches', () => {
    const csv = readCampaignCsv(campaign, Buffer.from(`${header.toUpperCase().replace(/,/g, ' , ')}\n${good}\n`));
    expect(csv.issues).toEqual([]);
  });

  test('when the bytes are binary, then the file is refused as not text', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(thrown(() => readCampaignCsv(campaign, png)).message).toMatch(/not a CSV text file/);
    const noise = Buffer.from(Array.from({ length: 4096 }, (_unused, index) => (index * 7919 + 13) % 256));
    expect(thrown(() => readCampaignCsv(campaign, noise)).status).toBe(400);
  });

  test('when the file is empty, has only a header or an unclosed quote, then it says so', () => {
    expect(thrown(() => readCampaignCsv(campaign, Buffer.from(''))).message).toBe('The file is empty.');
    expect(thrown(() => readCampaignCsv(campaign, Buffer.from(`${header}\n`))).message).toMatch(/no records/);
    expect(thrown(() => readCampaignCsv(campaign, Buffer.from(`${header}\n"uber,2026-03\n`))).message).toMatch(/quotation mark/);
  });

  test('when the file holds more rows than a donation may, then it is a 413 naming both numbers', () => {
    const error = thrown(() => readCampaignCsv(campaign, Buffer.from(`${header}\n${good}\n${good}\n${good}\n`), 2));
    expect(error.status).toBe(413);
    expect(error.message).toBe('The file has 3 records; one donation holds at most 2. Split it into several files.');
  });

  test.each([
    ['a,b;c', ','],
    ['a;b;c,d', ';'],
    ['a\tb\tc', '\t'],
    ['"a;b",c', ','],
    ['single', ','],
  ])('when the header is %j, then the separator is %j', (line, expected) => {
    expect(detectDelimiter(`${line}\n1;2;3`)).toBe(expected);
  });
});

/** The guard reads part boundaries however the body is cut into chunks, and passes bytes on unchanged. */
import { AppError } from '../../../src/app-error';
import { MultipartGuard, multipartBoundary, type MultipartGuardOptions } from '../../../src/http/middleware/multipart-guard';

const BOUNDARY = 'XyZ-boundary-123';
const body = [
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="lang"\r\n\r\nen\r\n`,
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\ngood-token\r\n`,
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="records_csv"\r\n\r\n${'a,b\r\n1,2\r\n'.repeat(500)}\r\n`,
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="records"; filename="jobs.csv"\r\nContent-Type: text/csv\r\n\r\n${'x'.repeat(3000)}\r\n`,
  `--${BOUNDARY}--\r\n`,
].join('');

function run(chunkSizes: (index: number) => number, overrides: Partial<MultipartGuardOptions> = {}) {
  const seen: Array<string | undefined> = [];
  const guard = new MultipartGuard({
    boundary: BOUNDARY,
    maxTotalBytes: 1_000_000,
    tooLarge: () => new AppError(413, 'file_too_large', 'too large'),
    maxParts: 10,
    tooManyParts: () => new AppError(413, 'too_many_fields', 'too many'),
    partLimit: (name, isFile) => (isFile || name === 'records_csv' ? 100_000 : 100),
    tokenField: { name: '_csrf', smallPartBytes: 100, check: (value) => { seen.push(value); return value === 'good-token' ? undefined : new AppError(403, 'csrf_invalid', 'no'); } },
    ...overrides,
  });
  const output: Buffer[] = [];
  return new Promise<{ output: string; seen: typeof seen; error?: AppError }>((resolve) => {
    guard.on('data', (chunk: Buffer) => output.push(chunk));
    guard.on('end', () => resolve({ output: Buffer.concat(output).toString('latin1'), seen }));
    guard.on('error', (error) => resolve({ output: Buffer.concat(output).toString('latin1'), seen, error: error as AppError }));
    const bytes = Buffer.from(body, 'latin1');
    for (let offset = 0, index = 0; offset < bytes.length; index += 1) {
      const size = chunkSizes(index);
      guard.write(bytes.subarray(offset, offset + size));
      offset += size;
    }
    guard.end();
  });
}

describe('MultipartGuard', () => {
  it.each([
    ['one chunk', () => body.length],
    ['one byte at a time', () => 1],
    ['chunks of 7 bytes', () => 7],
    ['chunks of varying size', (index: number) => 1 + ((index * 37) % 101)],
  ])('when a valid body arrives in %s, then it passes unchanged and the token is checked once', async (_name, sizes) => {
    const result = await run(sizes);
    expect(result.error).toBeUndefined();
    expect(result.output).toBe(body);
    expect(result.seen).toEqual(['good-token']);
  });

  it('when a large part comes before the token, then the guard stops with the token\'s error before passing it on', async () => {
    const result = await run(() => 1, { tokenField: { name: 'none-such', smallPartBytes: 100, check: () => new AppError(403, 'csrf_invalid', 'no') } });
    expect(result.error?.code).toBe('csrf_invalid');
    // Nothing of the rows went through: the output ends inside the records_csv part's headers.
    expect(result.output).not.toContain('a,b');
  });

  it('when a small field after the token is over its limit, then the error names it; before the token it is the token\'s error', async () => {
    const after = await run(() => 64, { partLimit: (name, isFile) => (isFile ? 100_000 : name === 'records_csv' ? 10 : 100) });
    expect(after.error).toMatchObject({ status: 413, code: 'field_too_large', issues: [{ path: ['records_csv'] }] });
    expect(after.seen).toEqual(['good-token']);
    const before = await run(() => 64, { partLimit: (name, isFile) => (isFile || name === 'records_csv' ? 100_000 : 1) });
    expect(before.error).toMatchObject({ status: 403, code: 'csrf_invalid' });
    const noToken = await run(() => 64, { tokenField: undefined, partLimit: (name, isFile) => (isFile || name === 'records_csv' ? 100_000 : 1) });
    expect(noToken.error).toMatchObject({ status: 413, code: 'field_too_large', issues: [{ path: ['lang'] }] });
  });

  it('when the body is over the total or has too many parts, then the matching error comes', async () => {
    expect((await run(() => 64, { maxTotalBytes: 1000 })).error?.code).toBe('file_too_large');
    expect((await run(() => 64, { maxParts: 3 })).error?.code).toBe('too_many_fields');
  });

  it('when a Content-Type names its boundary, quoted or not, then it is read', () => {
    expect(multipartBoundary('multipart/form-data; boundary=abc')).toBe('abc');
    expect(multipartBoundary('multipart/form-data; boundary="a b;c"')).toBe('a b;c');
    expect(multipartBoundary('multipart/form-data')).toBeUndefined();
  });
});

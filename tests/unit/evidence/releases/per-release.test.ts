/** Made once per release and key, made anew for a new release. */
import type { PublishedFindings } from '../../../../src/evidence/campaign-analyses-types';
import { perRelease } from '../../../../src/evidence/releases/per-release';

const release = (number: number) => ({ release: { number } }) as unknown as PublishedFindings;

describe('perRelease', () => {
  test('when the same release is asked for with the same key, then it is made once; another key or another release is made anew', () => {
    const made: string[] = [];
    const sectionOf = perRelease((findings, locale: string) => {
      made.push(`${findings.release!.number}/${locale}`);
      return `section ${findings.release!.number} in ${locale}`;
    });
    const first = release(1);
    expect(sectionOf(first, 'en')).toBe('section 1 in en');
    expect(sectionOf(first, 'en')).toBe('section 1 in en');
    expect(sectionOf(first, 'de')).toBe('section 1 in de');
    const second = release(2);
    expect(sectionOf(second, 'en')).toBe('section 2 in en');
    expect(made).toEqual(['1/en', '1/de', '2/en']);
  });

  test('when what is made is undefined (no section to show), then that too is kept', () => {
    let calls = 0;
    const nothing = perRelease(() => {
      calls += 1;
      return undefined;
    });
    const findings = release(1);
    expect(nothing(findings, 'en')).toBeUndefined();
    expect(nothing(findings, 'en')).toBeUndefined();
    expect(calls).toBe(1);
  });
});

describe('perRelease, made asynchronously', () => {
  test('when making fails, then the failure is not kept: the next request makes it again', async () => {
    let calls = 0;
    const sectionOf = perRelease(async (_findings, locale: string) => {
      calls += 1;
      if (calls === 1) throw new Error('the render thread ended');
      return `section in ${locale}`;
    });
    const findings = release(1);
    await expect(sectionOf(findings, 'en')).rejects.toThrow('the render thread ended');
    await expect(sectionOf(findings, 'en')).resolves.toBe('section in en');
    await expect(sectionOf(findings, 'en')).resolves.toBe('section in en');
    expect(calls).toBe(2);
  });
});

/** Made once per release and key, made anew for a new release of the campaign; campaigns apart. */
import { perRelease, type ReleaseName } from '../../../../src/evidence/releases/per-release';

const release = (number: number, campaign = 'credit-scores'): ReleaseName => ({ campaign, number });

describe('perRelease', () => {
  test('when the same release is asked for with the same key, then it is made once; another key or another release is made anew', () => {
    const made: string[] = [];
    const sectionOf = perRelease((named, locale: string) => {
      made.push(`${named.number}/${locale}`);
      return `section ${named.number} in ${locale}`;
    });
    // Names made per request, as the routes make them: equal names are the same release.
    expect(sectionOf(release(1), 'en')).toBe('section 1 in en');
    expect(sectionOf(release(1), 'en')).toBe('section 1 in en');
    expect(sectionOf(release(1), 'de')).toBe('section 1 in de');
    expect(sectionOf(release(2), 'en')).toBe('section 2 in en');
    expect(made).toEqual(['1/en', '1/de', '2/en']);
  });

  test('when another campaign has a release of the same number, then it is made for that campaign, and a new release of one keeps the other\'s', () => {
    const made: string[] = [];
    const bodyOf = perRelease((named) => {
      made.push(`${named.campaign}#${named.number}`);
      return named.campaign;
    });
    expect(bodyOf(release(1, 'credit-scores'), undefined)).toBe('credit-scores');
    expect(bodyOf(release(1, 'gig-pay'), undefined)).toBe('gig-pay');
    expect(bodyOf(release(2, 'credit-scores'), undefined)).toBe('credit-scores');
    expect(bodyOf(release(1, 'gig-pay'), undefined)).toBe('gig-pay');
    expect(made).toEqual(['credit-scores#1', 'gig-pay#1', 'credit-scores#2']);
  });

  test('when what is made is undefined (no section to show), then that too is kept', () => {
    let calls = 0;
    const nothing = perRelease(() => {
      calls += 1;
      return undefined;
    });
    expect(nothing(release(1), 'en')).toBeUndefined();
    expect(nothing(release(1), 'en')).toBeUndefined();
    expect(calls).toBe(1);
  });
});

describe('perRelease, made asynchronously', () => {
  test('when making fails, then the failure is not kept: the next request makes it again', async () => {
    let calls = 0;
    const sectionOf = perRelease(async (_release, locale: string) => {
      calls += 1;
      if (calls === 1) throw new Error('the render thread ended');
      return `section in ${locale}`;
    });
    await expect(sectionOf(release(1), 'en')).rejects.toThrow('the render thread ended');
    await expect(sectionOf(release(1), 'en')).resolves.toBe('section in en');
    await expect(sectionOf(release(1), 'en')).resolves.toBe('section in en');
    expect(calls).toBe(2);
  });
});

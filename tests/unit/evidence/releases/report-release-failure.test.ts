/** A release that did not end is logged as stopped (the shutdown) or as failed, never the first as the second. */
import { reportReleaseFailure } from '../../../../src/evidence/releases/report-release-failure';
import { JobStopped } from '../../../../src/workers/worker-pool';

describe('reportReleaseFailure', () => {
  const logged = () => {
    const lines: Array<{ level: string; fields: object; message: string }> = [];
    const logger = {
      info: (fields: object, message: string) => lines.push({ level: 'info', fields, message }),
      error: (fields: object, message: string) => lines.push({ level: 'error', fields, message }),
    };
    return { lines, logger: logger as never };
  };

  test('when the shutdown stopped the release\'s thread, then it is logged as information, not as an error', () => {
    const { lines, logger } = logged();
    reportReleaseFailure(logger, new JobStopped('Analysing credit-scores stopped: its thread was ended (the server is stopping)'), { slug: 'credit-scores' });
    expect(lines).toEqual([{ level: 'info', fields: { campaign: 'credit-scores' }, message: 'a findings release under way was stopped by the shutdown; it is cut after the next start' }]);
  });

  test('when the release failed, then it is logged as an error with its cause', () => {
    const { lines, logger } = logged();
    const error = new Error('Analysing credit-scores failed: disk I/O error');
    reportReleaseFailure(logger, error, { slug: 'credit-scores' });
    expect(lines).toEqual([{ level: 'error', fields: { err: error, campaign: 'credit-scores' }, message: 'cutting a findings release failed' }]);
  });
});

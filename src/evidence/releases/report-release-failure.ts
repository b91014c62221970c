/**
 * How a release cut in the background that did not end is logged. Stopped by the server's
 * shutdown, it is no fault (info: the next start cuts it); otherwise it failed (error: the last
 * release stays published until a cut succeeds). Each shutdown during a release logged an error
 * before, which taught operators to ignore the real ones.
 */
import type { Logger } from 'pino';
import type { Campaign } from '../../campaigns/types';
import { JobStopped } from '../../workers/worker-pool';

export function reportReleaseFailure(logger: Pick<Logger, 'info' | 'error'>, error: unknown, campaign: Pick<Campaign, 'slug'>): void {
  if (error instanceof JobStopped) logger.info({ campaign: campaign.slug }, 'a findings release under way was stopped by the shutdown; it is cut after the next start');
  else logger.error({ err: error, campaign: campaign.slug }, 'cutting a findings release failed');
}

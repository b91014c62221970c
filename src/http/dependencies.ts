/**
 * What the routers need, built once by `createApp` and handed down: every service from the
 * composition root (`services.ts`) and the forms' CSRF protection. Routers never open the
 * database or read configuration themselves.
 */
import type { Services } from '../services';
import type { RateLimitCounterStore } from '../storage/store';
import type { CsrfProtection } from './middleware/csrf';

export type { CampaignLookup } from '../campaigns/types';

export interface AppDependencies extends Services {
  csrf: CsrfProtection;
  /** Rate-limit counts in the database (absent with RATE_LIMITS=off). */
  rateLimits?: RateLimitCounterStore;
}

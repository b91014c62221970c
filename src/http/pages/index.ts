import { Router } from 'express';
import { isLocale } from '../../i18n/locale';
import type { AppDependencies } from '../dependencies';
import { createCampaignPages } from './campaign-pages';
import { createDonatePages } from './donate-pages';
import { createMyDonationPages } from './my-donation-pages';
import { rememberLocale } from './page-context';
import { createPrivacyPages } from './privacy-pages';

/** The donor's HTML pages. A language chosen in the switcher is remembered in a cookie (multipart forms, read later, do it themselves). */
export function createPagesRouter(dependencies: AppDependencies): Router {
  const router = Router();
  router.use((req, res, next) => {
    // A switcher button posts its choice in the body (to keep the form's answers); the body is parsed by now.
    const chosen = isLocale(req.query.lang) ? req.query.lang : (req.body as Record<string, unknown> | undefined)?.switch_lang;
    if (isLocale(chosen)) rememberLocale(dependencies, res, chosen);
    next();
  });
  router.use(createCampaignPages(dependencies));
  router.use(createDonatePages(dependencies));
  router.use(createMyDonationPages(dependencies));
  router.use(createPrivacyPages(dependencies));
  return router;
}

import { Router } from 'express';
import { isLocale } from '../../i18n/locale';
import type { AppDependencies } from '../dependencies';
import { createCampaignPages } from './campaign-pages';
import { createDonatePages } from './donate-pages';
import { createMyDonationPages } from './my-donation-pages';
import { createPrivacyPages } from './privacy-pages';

const ONE_YEAR_MS = 365 * 86_400_000;

/** The donor's HTML pages. A language chosen in the switcher is remembered in a cookie. */
export function createPagesRouter(dependencies: AppDependencies): Router {
  const router = Router();
  router.use((req, res, next) => {
    // A switcher button posts its choice in the body (to keep the form's answers); the body is parsed by now.
    const chosen = isLocale(req.query.lang) ? req.query.lang : (req.body as Record<string, unknown> | undefined)?.switch_lang;
    if (isLocale(chosen)) {
      res.cookie('lang', chosen, { sameSite: 'lax', httpOnly: true, maxAge: ONE_YEAR_MS, secure: dependencies.config.baseUrl.startsWith('https://') });
    }
    next();
  });
  router.use(createCampaignPages(dependencies));
  router.use(createDonatePages(dependencies));
  router.use(createMyDonationPages(dependencies));
  router.use(createPrivacyPages(dependencies));
  return router;
}

import { Router } from 'express';
import type { Locale } from '../../campaigns/types';
import { perRelease } from '../../evidence/releases/per-release';
import { csvTemplate } from '../../campaigns/csv-template';
import { localeOf } from '../../i18n/locale';
import { campaignOr404 } from '../api/campaigns-router';
import type { AppDependencies } from '../dependencies';
import { campaignPage, homePage } from '../views/campaign-views';
import { csvGuidePage } from '../views/csv-guide-views';
import { pageContext, sendPage } from './page-context';

/** `/`, `/campaigns/:slug` and its CSV template. */
export function createCampaignPages(dependencies: AppDependencies): Router {
  const router = Router();
  // A release's findings section, drawn once per language in a render thread: a megabyte of HTML
  // at thousands of donations, on a public page.
  const sectionOf = perRelease((release, locale: Locale) => dependencies.renderFindingsSection(campaignOr404(dependencies, release.campaign), release.number, locale));
  router.get('/', (req, res) => {
    sendPage(res, homePage(dependencies.campaigns.list(), pageContext(dependencies, req, res)));
  });
  router.get('/campaigns/:slug', async (req, res) => {
    const campaign = campaignOr404(dependencies, String(req.params.slug));
    const context = pageContext(dependencies, req, res);
    const number = await dependencies.findings.currentNumber(campaign);
    const findings = number === undefined ? undefined : await sectionOf({ campaign: campaign.slug, number }, context.locale);
    sendPage(res, campaignPage(campaign, context, findings));
  });
  router.get('/campaigns/:slug/columns', (req, res) => {
    const campaign = campaignOr404(dependencies, String(req.params.slug));
    sendPage(res, csvGuidePage(campaign, pageContext(dependencies, req, res)));
  });
  router.get('/campaigns/:slug/template.csv', (req, res) => {
    const campaign = campaignOr404(dependencies, String(req.params.slug));
    // ?labels=true: column titles and answer labels in the reader's language, as the site shows them.
    const labels = req.query.labels === 'true';
    res.type('text/csv; charset=utf-8').attachment(`${campaign.slug}-template.csv`).send(csvTemplate(campaign, localeOf(req), { labels }));
  });
  return router;
}

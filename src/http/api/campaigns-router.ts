import { Router } from 'express';
import { AppError } from '../../app-error';
import { campaignSummary, publicCampaign } from '../../campaigns/public-campaign';
import type { Campaign } from '../../campaigns/types';
import type { AppDependencies } from '../dependencies';

/** Looks a campaign up by slug or answers 404 naming it. */
export function campaignOr404(dependencies: Pick<AppDependencies, 'campaigns'>, slug: string): Campaign {
  const campaign = dependencies.campaigns.get(slug);
  if (!campaign) throw new AppError(404, 'campaign_not_found', `There is no campaign "${slug}".`, [{ path: ['slug'], message: 'Unknown campaign' }]);
  return campaign;
}

/** `GET /api/v1/campaigns` and `GET /api/v1/campaigns/:slug`. */
export function createCampaignsRouter(dependencies: AppDependencies): Router {
  const router = Router();
  router.get('/campaigns', (_req, res) => {
    res.json({ campaigns: dependencies.campaigns.list().map(campaignSummary) });
  });
  router.get('/campaigns/:slug', (req, res) => {
    const instance = { operator: dependencies.operator, privacyUrl: `${dependencies.config.baseUrl}/privacy` };
    res.json(publicCampaign(campaignOr404(dependencies, String(req.params.slug)), instance));
  });
  return router;
}

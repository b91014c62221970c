/**
 * `GET /api/v1/campaigns/:slug/findings`: the campaign's latest public release — counts rounded
 * to 5, each outcome by each protected attribute (per comparable stratum, raw and adjusted, Bonferroni across the family with simultaneous intervals) and
 * the planner — with every group under k suppressed and marked, and the release's number, day
 * and rule. Between releases every request gets the same answer, whatever was donated or
 * withdrawn meanwhile (see `FindingsReleases`).
 */
import { Router } from 'express';
import { z } from 'zod';
import { issuesFromZod, validationError } from '../../app-error';
import { DEFAULT_GAPS } from '../../evidence/campaign-planner';
import { perRelease } from '../../evidence/releases/per-release';
import type { AppDependencies } from '../dependencies';
import { campaignOr404 } from './campaigns-router';

export const findingsQuerySchema = z
  .object({
    gap: z.coerce.number({ error: 'gap must be a number of percentage points' }).gt(0, 'gap must be above 0').max(50, 'gap must be at most 50 percentage points').optional()
      .describe('For rates: the gap the planner looks for, in percentage points (default 5)'),
    d: z.coerce.number({ error: 'd must be a number' }).gt(0, 'd must be above 0').max(5, 'd must be at most 5').optional()
      .describe("For means: the gap as Cohen's d, a share of the standard deviation (default 0.2)"),
  })
  .strict();

export function createFindingsRouter(dependencies: AppDependencies): Router {
  const router = Router();
  // The answer with the default planner, with its ETag, made once per release in a render thread.
  const bodyOf = perRelease((release) => dependencies.findingsBody(campaignOr404(dependencies, release.campaign), release.number));
  router.get('/campaigns/:slug/findings', async (req, res) => {
    const campaign = campaignOr404(dependencies, String(req.params.slug));
    const query = findingsQuerySchema.safeParse(req.query);
    if (!query.success) throw validationError(issuesFromZod(query.error.issues).map((issue) => ({ ...issue, path: ['query', ...issue.path] })));
    // Only the release's number here: its findings are read where the answer is made.
    const number = await dependencies.findings.currentNumber(campaign);
    const gaps = { ratePoints: query.data.gap ?? DEFAULT_GAPS.ratePoints, meanEffectSize: query.data.d ?? DEFAULT_GAPS.meanEffectSize };
    // Revalidated on each use (by ETag): a new release must show as soon as it is cut.
    res.set('Cache-Control', 'no-cache');
    if (number === undefined) {
      const rule = dependencies.findings.ruleOf(campaign);
      res.json({
        campaign: campaign.slug, campaignVersion: campaign.version, minGroupSize: campaign.minGroupSize,
        release: null, releaseRule: { minChanges: rule.minChanges, interval: rule.interval },
        donations: null, donors: null, records: null, strata: [], comparisons: [], effects: [], planner: [], notAnalysed: [], caveats: [], plannerGaps: gaps,
      });
      return;
    }
    const asked = query.data.gap === undefined && query.data.d === undefined ? undefined : gaps;
    const { body, etag } = asked === undefined ? await bodyOf({ campaign: campaign.slug, number }, undefined) : await dependencies.findingsBody(campaign, number, asked);
    if (etag) res.set('ETag', etag);
    // Express adds no charset to bytes; every other JSON answer states it.
    res.type('application/json; charset=utf-8').send(body);
  });
  return router;
}

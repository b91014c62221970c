/**
 * NGO and analyst routes: `GET /api/v1/campaigns/:slug/evidence-pack` (a collective pack, with
 * an access token of role ngo or analyst) and `GET /api/v1/signing-key` (public: the key that
 * signs packs, so anyone can check one).
 */
import { Router } from 'express';
import type { AppDependencies } from '../dependencies';
import type { RateLimiters } from '../middleware/rate-limits';
import { requireAccessRole } from '../middleware/require-access-role';
import { campaignOr404 } from './campaigns-router';

export function createEvidencePackRouter(dependencies: AppDependencies, limits: RateLimiters): Router {
  const router = Router();
  router.get('/signing-key', (_req, res) => {
    const key = dependencies.signingKey;
    res.json({ algorithm: key.algorithm, publicKeyPem: key.publicKeyPem, fingerprint: key.fingerprint });
  });
  router.get('/campaigns/:slug/evidence-pack', limits.accessTokens, requireAccessRole(dependencies.accessTokens, ['ngo', 'analyst']), async (req, res) => {
    const campaign = campaignOr404(dependencies, String(req.params.slug));
    const principal = (res.locals as { principal: { label: string } }).principal;
    const pack = await dependencies.collectivePacks.build(campaign, principal.label);
    res
      .set('Cache-Control', 'no-store')
      .set('Content-Type', 'application/zip')
      .set('Content-Disposition', `attachment; filename="${pack.fileName}"`)
      .send(Buffer.from(pack.zip));
  });
  return router;
}

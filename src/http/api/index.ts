import express, { Router } from 'express';
import type { AppDependencies } from '../dependencies';
import type { RateLimiters } from '../middleware/rate-limits';
import { sameOriginWrites } from '../middleware/same-origin-writes';
import { requireUtf8Charset, verifyUtf8Bytes } from '../middleware/utf8-json';
import { createCampaignsRouter } from './campaigns-router';
import { createDonationsRouter } from './donations-router';
import { createEvidencePackRouter } from './evidence-pack-router';
import { createFindingsRouter } from './findings-router';
import { createPersonalEvidenceRouter } from './personal-evidence-router';
import { buildOpenApiDocument } from './openapi';

/** Everything under `/api/v1`: JSON bodies up to 1 MB in UTF-8, parsed strictly (objects and arrays only). */
export function createApiRouter(dependencies: AppDependencies, limits: RateLimiters): Router {
  const router = Router();
  // Before any body is read: a refused cross-site post costs no parsing.
  router.use(sameOriginWrites(dependencies.config));
  router.use(requireUtf8Charset());
  router.use(express.json({ limit: '1mb', strict: true, type: 'application/json', verify: verifyUtf8Bytes }));
  const openApi = buildOpenApiDocument(dependencies.campaigns.list(), dependencies.config.baseUrl);
  router.get('/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  router.use(createCampaignsRouter(dependencies));
  router.use(createDonationsRouter(dependencies, limits));
  router.use(createFindingsRouter(dependencies));
  router.use(createEvidencePackRouter(dependencies, limits));
  router.use(createPersonalEvidenceRouter(dependencies, limits));
  return router;
}

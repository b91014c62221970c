#!/usr/bin/env node
/**
 * What weighting to the population margins adds to a findings release: the credit-scores
 * analyses (analyseCampaign, as a release worker runs them) on seeded donations, with the
 * campaign's margins and without them, alternating, in one run; prints the medians and their
 * ratio. On a shared machine the whole runs vary more than the raking costs, so the raking work
 * is also timed alone: the share table, and per shown stratum of each outcome one raking and the
 * raked figure of every group of every protected attribute (as campaign-analyses.ts does).
 * Uses the built code (npm run build) and an in-memory database.
 * Usage: node bench/findings-raking.js [--donations 2000] [--runs 5]
 */
'use strict';
const os = require('node:os');
const path = require('node:path');
const dist = path.resolve(__dirname, '../dist/src');
const { loadCampaigns } = require(`${dist}/campaigns/load-campaigns`);
const { campaignsWithMargins } = require(`${dist}/campaigns/campaigns-with-margins`);
const { openDatabase } = require(`${dist}/storage/open-database`);
const { SqliteStore } = require(`${dist}/storage/sqlite-store`);
const { DonationService } = require(`${dist}/donations/donation-service`);
const { seedDemo } = require(`${dist}/demo/seed-demo`);
const { analyseCampaign } = require(`${dist}/evidence/campaign-analyses`);
const { loadCampaignRows } = require(`${dist}/evidence/campaign-rows`);
const { outcomeStrata } = require(`${dist}/evidence/outcome-strata`);
const { orderedLevelsOf } = require(`${dist}/campaigns/ordered-levels`);
const { positionedRows, rowsInOrder } = require(`${dist}/evidence/ordinal-comparison`);
const { rakeStratum } = require(`${dist}/evidence/representativeness/stratum-raking`);
const { representativeness } = require(`${dist}/evidence/representativeness/share-table`);

const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const donations = argument('donations', 2000);
const runs = argument('runs', 5);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const loadAverage = () => os.loadavg().map((value) => value.toFixed(2)).join(' ');

async function timed(store, campaign) {
  const started = process.hrtime.bigint();
  const analyses = await analyseCampaign(store, campaign);
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, analyses };
}

/** The raking work of one release, alone: every group is estimated, shown or not (an upper bound). */
function rakingWork(campaign, rows) {
  const started = process.hrtime.bigint();
  const margins = campaign.populationMargins;
  representativeness(rows, margins, campaign.minGroupSize);
  const attributes = campaign.fieldsWithRole('protected').map((field) => field.name);
  let strata = 0;
  for (const outcome of campaign.fieldsWithRole('outcome')) {
    // Ordered outcomes are raked as positions in their order, as campaign-analyses.ts does; other text outcomes are not analysed.
    const order = orderedLevelsOf(outcome);
    if (outcome.type === 'string' && !order) continue;
    const outcomeRows = order ? rowsInOrder(rows, outcome.name, order) : rows;
    for (const stratum of outcomeStrata(outcome, outcomeRows).filter((candidate) => candidate.donors >= campaign.minGroupSize)) {
      const raking = rakeStratum(order ? positionedRows(stratum.rows, outcome.name, order) : stratum.rows, outcome.name, margins.margins, campaign.minGroupSize);
      if (!raking.raked) continue;
      strata += 1;
      // All of an attribute's groups at once, as withRakedGroups asks for a comparison's shown groups.
      for (const attribute of attributes) {
        raking.groupEstimates(attribute, [...new Set(stratum.rows.map((row) => row[attribute]).filter((value) => value !== null))].map(String));
      }
    }
  }
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, strata };
}

(async () => {
  const withMargins = campaignsWithMargins(loadCampaigns()).get('credit-scores');
  const { populationMargins: _margins, ...withoutMargins } = withMargins;
  const store = new SqliteStore(openDatabase(':memory:'));
  await seedDemo(withMargins, new DonationService(store), { count: donations, seed: 3, now: new Date('2026-11-01T00:00:00Z') });
  console.log(`machine: ${os.cpus().length} cores, load average ${loadAverage()}; ${donations} seeded donations`);
  const times = { without: [], with: [] };
  let raked = 0;
  for (let run = 0; run < runs; run += 1) {
    times.without.push((await timed(store, withoutMargins)).ms);
    const result = await timed(store, withMargins);
    times.with.push(result.ms);
    raked = result.analyses.comparisons.filter((comparison) => comparison.raking && comparison.raking.raked).length;
  }
  const before = median(times.without);
  const after = median(times.with);
  const { rows } = await loadCampaignRows(store.records, withMargins);
  const work = Array.from({ length: runs }, () => rakingWork(withMargins, rows));
  console.log(`analyseCampaign without margins: median ${before.toFixed(0)} ms (${times.without.map((ms) => ms.toFixed(0)).join(', ')})`);
  console.log(`analyseCampaign with margins:    median ${after.toFixed(0)} ms (${times.with.map((ms) => ms.toFixed(0)).join(', ')}); ${raked} comparisons raked`);
  console.log(`ratio with / without: ${(after / before).toFixed(3)}`);
  const workMs = median(work.map((run) => run.ms));
  console.log(`raking work alone: median ${workMs.toFixed(0)} ms (${work.map((run) => run.ms.toFixed(0)).join(', ')}) for ${work[0].strata} raked strata: ${(100 * workMs / before).toFixed(1)}% of the analyses without margins; load average after ${loadAverage()}`);
})();

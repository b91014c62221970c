#!/usr/bin/env node
/**
 * Issue 16: the campaign findings (analyseCampaign, as a release computes them) against R fitting
 * the same models on the same rows, in the same run. Seeds N credit-scores donations into a SQLite
 * file in a temporary folder, times analyseCampaign (median of --runs), then writes the rows it
 * reads (rows.csv) and a plan made from its result (plan.json: every comparison's stratum,
 * attribute, shown groups, reference and adjusting factors; the margins; the pack statistics'
 * factors) and times `Rscript bench/campaign-models.R <folder>`, whose reading of the rows is timed
 * as our reading of the database is. R writes its numbers back, and the bench prints how far ours
 * are from them, so that the ratio is known to compare the same work.
 * With --margins off the campaign has no population margins: the raking's cost is the difference;
 * with margins, the raking work alone (the share table, one raking per stratum and every group's
 * raked figure) is timed too. --r off times ours only.
 * Needs the built code (npm run build); R with survey, sandwich, lmtest, MASS and jsonlite for the ratio.
 * Usage: node bench/campaign-vs-r.js [--donations 100000] [--runs 1 at 50,000 or more, else 3] [--margins on|off] [--r on|off] [--keep on]
 *        [--polr-precise on: R's polr restarted to its exact optimum, to check agreement; R's time then includes that]
 */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const Papa = require('papaparse');
const { argument } = require('./lib/arguments');
const { rakingWork } = require('./lib/raking-work');
const dist = path.resolve(__dirname, '../dist/src');
const { loadCampaigns } = require(`${dist}/campaigns/load-campaigns`);
const { campaignsWithMargins } = require(`${dist}/campaigns/campaigns-with-margins`);
const { orderedLevelsOf } = require(`${dist}/campaigns/ordered-levels`);
const { openDatabase } = require(`${dist}/storage/open-database`);
const { SqliteStore } = require(`${dist}/storage/sqlite-store`);
const { DonationService } = require(`${dist}/donations/donation-service`);
const { seedDemo } = require(`${dist}/demo/seed-demo`);
const { analyseCampaign } = require(`${dist}/evidence/campaign-analyses`);
const { loadCampaignRowsPaged } = require(`${dist}/evidence/campaign-rows`);
const { favourableIn, outcomeStrata, stratumFields } = require(`${dist}/evidence/outcome-strata`);
const { rowsInOrder } = require(`${dist}/evidence/ordinal-comparison`);
const { NO_ANSWER_LEVELS, usableFactors } = require(`${dist}/evidence/group-comparison`);
const { analysableOutcomes } = require(`${dist}/evidence/personal/pack-statistics`);
const { compareWithR } = require('./lib/agreement');

const donations = argument('donations', 100_000);
const runs = argument('runs', donations >= 50_000 ? 1 : 3);
const withMargins = argument('margins', 'on') !== 'off';
const withR = argument('r', 'on') !== 'off';
const polrPrecise = argument('polr-precise', 'off') === 'on';
// --keep on: leave the temporary folder (database, rows.csv, plan.json, r-results.json) for a look.
const keep = argument('keep', 'off') === 'on';
const cleanUp = (folder) => (keep ? console.log(`kept ${folder}`) : fs.rmSync(folder, { recursive: true, force: true }));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const loadAverage = () => os.loadavg().map((value) => value.toFixed(2)).join(' ');
const countBy = (items, key) => items.reduce((counts, item) => ({ ...counts, [key(item)]: (counts[key(item)] ?? 0) + 1 }), {});
const stratumKey = (fields, values) => fields.map((name) => values[name]).join(' / ');

/**
 * rows.csv: RFC 4180 by papaparse, absent answers as empty cells (R reads them as NA). Not the
 * downloads' toCsv: that marks text starting with - or = for spreadsheets, which R would read as data.
 */
function writeRows(file, columns, rows) {
  fs.writeFileSync(file, `${Papa.unparse({ fields: columns, data: rows.map((row) => columns.map((column) => row[column] ?? '')) })}\n`);
}

/** What R must fit, read off our result, so that both sides do the same work on the same rows. */
function planOf(campaign, columns, rows, analyses) {
  // Booleans are 0/1 in the rows; every other type that is not a number (text, months) is read as text.
  const numbers = new Set(campaign.schema.fields.filter((field) => ['number', 'integer', 'boolean'].includes(field.type)).map((field) => field.name));
  const outcomes = [];
  for (const outcome of campaign.fieldsWithRole('outcome')) {
    if (outcome.comparable?.appliesWhere) throw new Error(`campaign-models.R does not select "appliesWhere" (outcome ${outcome.name}) yet`);
    const fields = stratumFields(outcome);
    const comparisons = analyses.comparisons.filter((comparison) => comparison.outcome === outcome.name);
    if (comparisons.length === 0) continue;
    const order = orderedLevelsOf(outcome);
    const shown = outcomeStrata(outcome, order ? rowsInOrder(rows, outcome.name, order) : rows).filter((stratum) => stratum.donors >= campaign.minGroupSize);
    const raked = new Set(comparisons.filter((comparison) => comparison.raking?.raked).map((comparison) => stratumKey(fields, comparison.stratum)));
    outcomes.push({
      name: outcome.name,
      kind: comparisons[0].kind,
      within: fields,
      ...(order ? { order: order.levels } : {}),
      strata: shown.map((stratum) => ({ key: stratum.key, lowerIsBetter: favourableIn(outcome, stratum.values) === 'lower', raked: raked.has(stratum.key) })),
      comparisons: comparisons.flatMap((comparison) => (comparison.reference === null ? [] : [{
        id: analyses.comparisons.indexOf(comparison),
        stratum: comparison.stratum === null ? null : stratumKey(fields, comparison.stratum),
        attribute: comparison.attribute,
        kept: comparison.groups.filter((group) => !group.suppressed).map((group) => group.level),
        reference: comparison.reference,
        adjustedFor: comparison.adjustedFor,
      }])),
    });
  }
  // Each margin scaled to the first one's total, as the raking does (margin-cells.ts).
  const margins = campaign.populationMargins?.margins ?? [];
  const total = (margin) => margin.levels.reduce((sum, level) => sum + level.total, 0);
  return {
    polrPrecise,
    k: campaign.minGroupSize,
    noAnswer: [...NO_ANSWER_LEVELS],
    columns: Object.fromEntries(columns.map((column) => [column, numbers.has(column) ? 'number' : 'text'])),
    outcomes,
    margins: margins.map((margin) => ({ column: margin.column, levels: margin.levels.map((level) => level.level), totals: margin.levels.map((level) => (level.total * total(margins[0])) / total(margin)) })),
    pack: {
      outcomes: analysableOutcomes(campaign).map((field) => ({ name: field.name, binary: field.type === 'boolean' })),
      legitimate: usableFactors(rows, campaign.fieldsWithRole('legitimate').map((field) => field.name)),
      factorSets: Object.keys(Object.values(analyses.packStatistics.outcomes)[0].peers).map((set) => set.split(',')),
    },
  };
}

async function main() {
  const loaded = campaignsWithMargins(loadCampaigns()).get('credit-scores');
  const { populationMargins: _margins, ...withoutMargins } = loaded;
  const campaign = withMargins ? loaded : withoutMargins;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'campaign-vs-r-'));
  const store = new SqliteStore(openDatabase(path.join(folder, 'bench.sqlite')));
  await seedDemo(campaign, new DonationService(store), { count: donations, seed: 1, now: new Date('2026-11-01T00:00:00Z') });
  console.log(`machine: ${os.cpus().length} cores, load average ${loadAverage()} (before); ${donations} seeded donations, margins ${withMargins ? 'on' : 'off'}`);

  const times = [];
  let analyses;
  for (let run = 0; run < runs; run += 1) {
    const started = process.hrtime.bigint();
    analyses = await analyseCampaign(store, campaign);
    times.push(Number(process.hrtime.bigint() - started) / 1e9);
  }
  const ours = median(times);
  const { columns, rows } = await loadCampaignRowsPaged(store.records, campaign);
  await store.close();
  console.log(`records: ${analyses.records}; comparisons by kind: ${JSON.stringify(countBy(analyses.comparisons, (item) => item.kind))}; effects by kind: ${JSON.stringify(countBy(analyses.effects, (item) => item.kind))}`);
  console.log(`crowdaudit analyseCampaign: median ${ours.toFixed(2)} s of ${runs} (${times.map((seconds) => seconds.toFixed(2)).join(', ')})`);
  if (withMargins) {
    const work = rakingWork(campaign, rows);
    console.log(`raking work alone (the raking's whole cost is this run's time less that of one with --margins off): ${work.ms.toFixed(0)} ms for ${work.strata} raked strata and the share table; ${analyses.comparisons.filter((item) => item.raking?.raked).length} comparisons raked`);
  }

  const haveR = !spawnSync('Rscript', ['--version']).error;
  if (!withR || !haveR) {
    console.log(withR ? 'R is not installed (Rscript not found): our time only, no ratio.' : '--r off: our time only.');
    cleanUp(folder);
    return;
  }
  writeRows(path.join(folder, 'rows.csv'), columns, rows);
  fs.writeFileSync(path.join(folder, 'plan.json'), JSON.stringify(planOf(campaign, columns, rows, analyses)));
  const started = process.hrtime.bigint();
  const r = spawnSync('Rscript', [path.join(__dirname, 'campaign-models.R'), folder], { stdio: ['ignore', 'inherit', 'inherit'] });
  const theirs = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`campaign-models.R failed (exit ${r.status}); its files are in ${folder}`);
  const results = JSON.parse(fs.readFileSync(path.join(folder, 'r-results.json'), 'utf8'));
  const comparedKinds = countBy(results.comparisons, (result) => analyses.comparisons[result.id].kind);
  const empty = analyses.comparisons.filter((comparison) => comparison.reference === null).length;
  console.log(`R (Rscript campaign-models.R, reading rows.csv included): ${theirs.toFixed(2)} s, of which loading packages ${results.seconds.loading.toFixed(2)} s; ${results.comparisons.length} comparisons fitted ${JSON.stringify(comparedKinds)} (${empty} with fewer than two groups of k have nothing to fit)`);
  const ratio = ours / theirs;
  const caveat = polrPrecise ? '; R restarted polr for precision (--polr-precise), so this ratio flatters ours' : '';
  console.log(`ratio ours / R: ${ratio.toFixed(3)} (goal <= 0.5: ${ratio <= 0.5 ? 'met' : 'NOT met'}${caveat}); load average ${loadAverage()} (after)`);
  compareWithR(analyses, results);
  cleanUp(folder);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

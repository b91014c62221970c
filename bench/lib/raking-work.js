/**
 * The raking work of one findings release, timed alone (whole runs vary more than it on a shared
 * machine): the share table, and per shown stratum of each outcome one raking and the raked figure
 * of every group of every protected attribute, as campaign-analyses.ts does. Every group is
 * estimated, shown or not: an upper bound.
 */
'use strict';
const path = require('node:path');
const dist = path.resolve(__dirname, '../../dist/src');
const { outcomeStrata } = require(`${dist}/evidence/outcome-strata`);
const { orderedLevelsOf } = require(`${dist}/campaigns/ordered-levels`);
const { positionedRows, rowsInOrder } = require(`${dist}/evidence/ordinal-comparison`);
const { rakeStratum } = require(`${dist}/evidence/representativeness/stratum-raking`);
const { representativeness } = require(`${dist}/evidence/representativeness/share-table`);

function rakingWork(campaign, rows) {
  const started = process.hrtime.bigint();
  const margins = campaign.populationMargins;
  representativeness(rows, margins, campaign.minGroupSize);
  const attributes = campaign.fieldsWithRole('protected').map((field) => field.name);
  let strata = 0;
  for (const outcome of campaign.fieldsWithRole('outcome')) {
    // Ordered outcomes are raked as positions in their order; other text outcomes are not analysed.
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

module.exports = { rakingWork };

/**
 * How far the findings' numbers are from R's (bench/campaign-models.R) on the same comparisons:
 * the largest relative difference of estimates and of standard errors, per kind of number and
 * overall, with where it is. The findings keep no standard error of a group mean, a raw difference
 * or an adjusted effect, only its 95% interval, and R's interval on the same df is compared with
 * it instead (half-widths): the same ratio when the dfs agree, and a difference when they do not.
 * An estimate's difference is relative to its size, or to its standard error when it is smaller
 * (a difference near 0 has no meaningful relative precision of its own).
 */
'use strict';

/** R's JSON gives a one-element vector as a scalar and NA as "NA" or null: a list of numbers or nulls. */
const list = (value) => [].concat(value ?? []).map((item) => (typeof item === 'number' ? item : typeof item === 'string' && item !== 'NA' ? item : null));
const half = (low, high) => (low === null || high === null || low === undefined || high === undefined ? null : (high - low) / 2);
const sameStratum = (first, second) => JSON.stringify(first) === JSON.stringify(second);

function compareWithR(analyses, results) {
  const tally = new Map();
  const note = (category, what, ours, theirs, oursSe, theirsSe, why) => {
    if (!tally.has(category)) tally.set(category, { compared: 0, oursOnly: 0, rOnly: 0, estimate: { worst: 0 }, se: { worst: 0 } });
    const entry = tally.get(category);
    if (ours === null || ours === undefined || theirs === null) {
      if (ours !== null && ours !== undefined) entry.oursOnly += 1;
      else if (theirs !== null) entry.rOnly += 1;
      else return;
      entry.missing ??= `${what}${why ? ` (ours: ${why})` : ''}`;
      return;
    }
    entry.compared += 1;
    const scale = Math.max(Math.abs(theirs), theirsSe ?? 0) || 1e-300;
    const estimate = Math.abs(ours - theirs) / scale;
    if (estimate > entry.estimate.worst) entry.estimate = { worst: estimate, what, ours, theirs };
    if (oursSe === null || oursSe === undefined || theirsSe === null || theirsSe === undefined) return;
    const se = Math.abs(oursSe - theirsSe) / Math.abs(theirsSe);
    if (se > entry.se.worst) entry.se = { worst: se, what, ours: oursSe, theirs: theirsSe };
  };

  for (const result of results.comparisons) {
    const comparison = analyses.comparisons[result.id];
    const where = `${comparison.outcome} ${comparison.stratum === null ? 'pooled' : JSON.stringify(comparison.stratum)} by ${comparison.attribute}`;
    const effects = new Map(analyses.effects
      .filter((effect) => !effect.suppressed && effect.outcome === comparison.outcome && effect.attribute === comparison.attribute && sameStratum(effect.stratum, comparison.stratum))
      .map((effect) => [effect.level, effect]));
    const groups = new Map(comparison.groups.filter((group) => !group.suppressed).map((group) => [group.level, group]));
    const r = result.groups;
    list(r.levels).forEach((level, index) => {
      const group = groups.get(level);
      if (!group) return;
      note('group means', `${where}, ${level}`, group.estimate, list(r.estimate)[index], half(group.ciLow, group.ciHigh), list(r.half)[index]);
      const effect = effects.get(level);
      if (effect) note('raw differences', `${where}, ${level}`, effect.raw.difference, list(r.difference)[index], half(effect.raw.ciLow, effect.raw.ciHigh), list(r.differenceHalf)[index]);
    });
    const adjusted = result.adjusted ?? { levels: [] };
    const fitted = new Map(list(adjusted.levels).map((level, index) => [level, index]));
    for (const [level, effect] of effects) {
      const index = fitted.get(level);
      const theirs = index === undefined ? null : list(adjusted.estimate)[index];
      // A fit the findings mark as doubtful (separation, no convergence) is counted apart: its estimates diverge on both sides.
      note(`adjusted (${comparison.kind})${effect.adjustedNote ? ', noted as doubtful' : ''}`, `${where}, ${level}`, effect.adjusted?.estimate ?? null, theirs, half(effect.adjusted?.ciLow, effect.adjusted?.ciHigh), index === undefined ? null : list(adjusted.half)[index], effect.adjustedNote);
      if (result.rawOdds) {
        const at = list(result.rawOdds.levels).indexOf(level);
        const odds = effect.raw.proportionalOdds;
        note('raw proportional odds', `${where}, ${level}`, odds?.estimate ?? null, at < 0 ? null : list(result.rawOdds.estimate)[at], odds?.stdError, at < 0 ? null : list(result.rawOdds.stdError)[at]);
      }
    }
    if (result.raked) {
      list(result.raked.levels).forEach((level, index) => {
        const raked = groups.get(level)?.raked;
        note('raked group figures', `${where}, ${level}`, raked?.estimate ?? null, list(result.raked.estimate)[index], raked?.stdError, list(result.raked.stdError)[index], raked === null ? 'null, under k donors within the margins' : undefined);
      });
    }
  }
  for (const pack of results.pack) {
    const model = analyses.packStatistics.outcomes[pack.outcome].prediction.model;
    if (!model) continue;
    const names = model.terms.map((term) => (term.column === '(Intercept)' ? term.column : `${term.column}${term.level ?? ''}`));
    list(pack.terms).forEach((term, index) => note('pack model coefficients', `${pack.outcome} ${term}`, model.coefficients[names.indexOf(term)] ?? null, list(pack.estimate)[index]));
    list(pack.residualPercentiles).forEach((value, index) => note('pack residual percentiles', `${pack.outcome} ${index + 1}%`, model.residualPercentiles[index] ?? null, value));
    const ours = Object.values(analyses.packStatistics.outcomes[pack.outcome].peers).reduce((sum, groups) => sum + Object.keys(groups).length, 0);
    console.log(`pack peer groups of ${pack.outcome}: ours ${ours}, R ${pack.peerGroups}`);
  }

  const format = (side) => (side.worst === 0 ? '0' : `${side.worst.toExponential(2)} (${side.what}: ours ${side.ours}, R ${side.theirs})`);
  let compared = 0;
  let estimates = 0;
  let errors = 0;
  console.log('agreement with R (largest relative difference):');
  for (const [category, entry] of tally) {
    if (!category.endsWith('doubtful')) {
      compared += entry.compared;
      estimates = Math.max(estimates, entry.estimate.worst);
      errors = Math.max(errors, entry.se.worst);
    }
    const missing = entry.oursOnly + entry.rOnly > 0 ? `; only ours ${entry.oursOnly}, only R ${entry.rOnly}, e.g. ${entry.missing}` : '';
    console.log(`  ${category}: ${entry.compared} compared${missing}; estimates ${format(entry.estimate)}; SEs ${format(entry.se)}`);
  }
  console.log(`  overall, less those noted as doubtful: ${compared} numbers compared; estimates ${estimates.toExponential(2)}, SEs ${errors.toExponential(2)}`);
}

module.exports = { compareWithR };

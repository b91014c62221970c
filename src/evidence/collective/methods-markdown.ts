/**
 * `METHODS.md` of a collective pack: what the data are, how they were made safe to share, how
 * the results were computed and with what caveats, how to re-run them and how to verify the pack.
 */
import type { Campaign } from '../../campaigns/types';
import { generalisationDepth } from '../../privacy/generalise-value';
import type { PublishedFindings } from '../campaign-analyses-types';
import { formatFingerprint } from '../signing-key';
import type { PackRecords } from './pack-records';

function generalisationLines(campaign: Campaign, records: PackRecords): string[] {
  return Object.entries(records.levels).map(([name, level]) => {
    const field = campaign.schema.fields.find((candidate) => candidate.name === name);
    const generalisation = field?.generalisation ?? { method: 'suppress' as const };
    const hidden = level === generalisationDepth(generalisation);
    const state = level === 0 ? 'published as given' : hidden ? 'hidden (every cell empty)' : `generalised to level ${level} (${generalisation.method})`;
    return `- \`${name}\`: ${state}`;
  });
}

/** Per outcome, what its dictionary says it is comparable within (`stratum` in the result tables). */
function strataLines(campaign: Campaign): string[] {
  const k = campaign.minGroupSize;
  return campaign.fieldsWithRole('outcome').flatMap((field) => {
    const comparable = field.comparable;
    if (!comparable) return [];
    const parts: string[] = [];
    if (comparable.appliesWhere) parts.push(`only records where ${Object.entries(comparable.appliesWhere).map(([name, answers]) => `\`${name}\` is ${answers.map((answer) => `\`${answer}\``).join(' or ')}`).join(' and ')}`);
    if (comparable.within) parts.push(`compared within each combination of ${comparable.within.map((name) => `\`${name}\``).join(' × ')} (a stratum; one of fewer than ${k} donors is only listed as suppressed), and once pooled over the shown strata with the stratum as a fixed effect${field.type === 'boolean' ? '' : ' and the value as its percentile rank within its stratum (0 to 100, higher favourable)'}`);
    if (comparable.adjustFor) parts.push(`also adjusted for ${comparable.adjustFor.map((name) => `\`${name}\``).join(', ')}`);
    return parts.length > 0 ? [`- \`${field.name}\`: ${parts.join('; ')}.`] : [];
  });
}

/** For a campaign with population margins: how its figures are raked to them, and where the margins come from. */
function rakingLines(campaign: Campaign): string[] {
  const margins = campaign.populationMargins;
  if (!margins) return [];
  const columns = margins.margins.map((margin) => `\`${margin.column}\``);
  return [
    `- Raked figures: each shown group's rate or mean is also given weighted to ${margins.title} (\`rakedEstimate\` in \`groups.csv\`), by raking (iterative proportional fitting) on ${columns.join(' and ')}, once per stratum, from the same records as the unweighted figure, with a design-based standard error clustered by donor`,
    `  (R: \`raked <- rake(svydesign(ids = ~donor, data = stratum), list(${margins.margins.map((margin) => `~${margin.column}`).join(', ')}), totals)\`, then \`svyby(~y, ~group, raked, svymean)\`; interval ± 1.96 SE; \`crowdaudit disparity|compare --rake\` on the records with a donor column).`,
    `  Records whose answer the population figures do not count (e.g. \`not-stated\`) are left out of raked figures; a stratum where a level of a margin has fewer than ${campaign.minGroupSize} donors is not raked (a few people would stand for millions), nor is the pooled figure (its values are ranks or rates relative to each stratum's donors).`,
    `- \`representativeness.csv\` compares the donors' share of each level (counted in people) with the population's. Sources: ${margins.sources.map((source) => `\`${source.column}\` from ${source.publisher}, table ${source.table} (${source.tableTitle}), reference date ${source.referenceDate}, ${source.url}`).join('; ')}.`,
  ];
}

export function methodsMarkdown(campaign: Campaign, analyses: PublishedFindings | undefined, records: PackRecords, createdOn: string, signingKeyFingerprint: string): string {
  const k = campaign.minGroupSize;
  const outcomes = campaign.fieldsWithRole('outcome').map((field) => field.name);
  const protectedNames = campaign.fieldsWithRole('protected').map((field) => field.name);
  const legitimate = campaign.fieldsWithRole('legitimate').map((field) => field.name);
  const typeOf = (name: string) => campaign.schema.fields.find((field) => field.name === name)?.type;
  const yesNoOutcome = outcomes.find((name) => typeOf(name) === 'boolean');
  const numericOutcome = outcomes.find((name) => typeOf(name) === 'number' || typeOf(name) === 'integer');
  const exampleGroup = protectedNames[0];
  const predictors = [exampleGroup, ...legitimate.slice(0, 3)].join(',');
  const rerun = [
    numericOutcome && `crowdaudit compare --csv data/records.csv --outcome ${numericOutcome} --group ${exampleGroup}`,
    numericOutcome && `crowdaudit regress --csv data/records.csv --outcome ${numericOutcome} --predictors ${predictors}`,
    yesNoOutcome && `crowdaudit disparity --csv data/records.csv --outcome ${yesNoOutcome} --group ${exampleGroup} --min-group-size ${k}`,
    yesNoOutcome && `crowdaudit regress --csv data/records.csv --outcome ${yesNoOutcome} --predictors ${predictors} --model logistic`,
  ].filter(Boolean);
  return `# ${campaign.title.en}: methods

Evidence pack made on ${createdOn} by crowdaudit from campaign \`${campaign.slug}\`, dictionary version ${campaign.version}.

## The data

Donors gave the records of decisions made about them (${campaign.decisionMaker.en}). Each donation was
made with consent version ${campaign.consent.version}; each purpose was opted into separately.

- \`data/records.csv\` holds only the records of donations whose consent includes **ngo-sharing**:
  ${records.sharedRecords} of the ${records.records} records stored. Fields kept for the donor alone
  (role \`donor-only\`), donation ids, receipts and days are not exported; dates are months.
- Donors can withdraw **ngo-sharing** (or delete their donation) at any time; the next pack no longer
  holds their records. Replace older copies of this pack with the newest one, and do not keep a pack
  longer than your work needs it.
- Each row has a random \`row_id\` made for this pack, and rows are in random order.
- Quasi-identifiers were generalised one level at a time, each step the one that left the fewest rows in
  small groups (Sweeney's Datafly order on a tie),
  until the records left in groups of fewer than k = ${k} rows or people were at most 5% of the rows;
  those ${records.suppressedRecords} records were then left out. Every combination of quasi-identifier
  values in the file has at least ${k} rows from at least ${k} people.
${generalisationLines(campaign, records).join('\n')}
- Text cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
  return) begin with an apostrophe.

## The results

${analyses ? `\`results/\` and \`charts/\` are release ${analyses.release.number} of the campaign's public findings (published
${analyses.release.releasedOn}), computed on **about ${analyses.records} records of about ${analyses.donors} people** (every donation
consents to research; counts are rounded to ${analyses.countsRoundedTo}), not only on the rows in \`data/records.csv\`:
results are aggregates in which groups of fewer than ${k} donors are suppressed, while the record-level
file needs the narrower ngo-sharing consent and holds the records stored when the pack was made.
Re-running on \`data/records.csv\` therefore gives close but not identical numbers, more so where
records were generalised or suppressed.
Public findings change only in releases: a new one needs at least ${analyses.release.minChanges} donations added or
withdrawn since the last one and comes at most once per ${analyses.release.interval} (ISO 8601), so that no
single donor can be read off the difference between two releases.` : 'No findings have been released yet: `results/` holds empty tables and no charts.'}

- Outcomes: ${outcomes.map((name) => `\`${name}\``).join(', ')}; protected attributes: ${protectedNames.map((name) => `\`${name}\``).join(', ')}.
- Uncertainty clustered by donor: one person's records are not independent people, so every interval
  and test takes donors as the independent units. Yes/no outcomes are compared as rates, numbers as
  means, each group's with a design-based 95% interval and each group's difference from the reference
  with a design-based t test (R: \`svyby(~y, ~group, svydesign(ids = ~donor, data = d), svymean)\`,
  \`svyglm(y ~ group, design)\`). Adjusted effects come from logistic or OLS regression holding
  the legitimate factors fixed (${legitimate.map((name) => `\`${name}\``).join(', ') || 'none'}), with
  errors clustered by donor (\`sandwich::vcovCL(fit, cluster = ~donor, type = "HC1")\`: t on the
  residual df for OLS, z for logistic, as \`lmtest::coeftest\`), with
  Bonferroni's correction across every adjusted test of the campaign (\`bonferroniPValue\`) and the
  simultaneous interval that goes with it (\`familyCiLow\`, \`familyCiHigh\`, level 1 − 0.05/\`familySize\`):
  the corrected p-value is below 0.05 exactly when that interval excludes no difference, so the words
  and the numbers cannot disagree (Holm's p-values have no matching interval).
- Ordered outcomes (a class from best to worst, in the dictionary's order) are compared by each
  group's mean position in the order (1 = its first level, interval as for means; no count per level
  is published) and by proportional-odds ratios, raw (the attribute alone: \`rawLogOdds\`) and
  adjusted for the legitimate factors (\`adjustedModel\` = \`ordinal\`), as
  \`MASS::polr(factor(y, levels = order) ~ group + …)\` with \`sandwich::vcovCL(fit, cluster = ~donor,
  type = "HC1")\` and \`lmtest::coeftest\` (t on n − k df); the estimate is the log-odds of a later
  level of the order. They join the same Bonferroni family; the planner does not cover them.
${[...strataLines(campaign), ...rakingLines(campaign)].join('\n')}
- \`results/analyses.json\` has everything; \`groups.csv\`, \`effects.csv\` and \`planner.csv\` the same
  as tables; \`planner.csv\` says how many more donors would let a gap be detected with 80% power.

## Caveats

- Donors chose to take part: they are self-selected and need not resemble everyone the decisions affect.
- A difference between groups is an association, not proof of its cause; factors not collected may explain it.
- Several tests were run at once; read the Bonferroni-adjusted p-values with their simultaneous intervals.
- One person may give many records: the uncertainty is clustered by donor, so such a person counts as one person, not many.
${analyses && analyses.caveats.includes('small-sample') ? `- Only about ${analyses.donors} people: estimates are uncertain.\n` : ''}
## Re-running

\`\`\`sh
${rerun.join('\n')}
\`\`\`

## Verifying this pack

\`manifest.json\` lists the SHA-256 of every other file; \`manifest.sig\` is an Ed25519 signature (base64)
of the exact bytes of \`manifest.json\` by the key in \`signing-key.pem\`. This pack was signed by the key
with fingerprint (SHA-256 of its DER form)

    ${formatFingerprint(signingKeyFingerprint)}

Anyone could alter a pack and re-sign it with a key of their own, changing this file too, so compare
the fingerprint with the one the server shows on its findings page and at \`GET /api/v1/signing-key\`,
then check the zip, every file and the signature with:

\`\`\`sh
crowdaudit verify pack.zip --fingerprint "${formatFingerprint(signingKeyFingerprint)}"
\`\`\`

It prints OK and exits 0 only if all holds; without \`--fingerprint\` (or \`--key\` with the server's key
file) it cannot say who signed and exits 2.
`;
}

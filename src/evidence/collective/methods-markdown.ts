/**
 * `METHODS.md` of a collective pack: what the data are, how they were made safe to share, how
 * the results were computed and with what caveats, how to re-run them and how to verify the pack.
 */
import type { Campaign } from '../../campaigns/types';
import { generalisationDepth } from '../../privacy/generalise-value';
import type { CampaignAnalyses } from '../campaign-analyses-types';
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

export function methodsMarkdown(campaign: Campaign, analyses: CampaignAnalyses, records: PackRecords, createdOn: string): string {
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

\`results/\` and \`charts/\` are the campaign's published findings, computed on **all ${analyses.records}
records of ${analyses.donors} people** (every donation consents to research), not only on the rows in
\`data/records.csv\`: results are aggregates in which groups of fewer than ${k} donors are suppressed,
while the record-level file needs the narrower ngo-sharing consent. Re-running on \`data/records.csv\`
therefore gives close but not identical numbers, more so where records were generalised or suppressed.
The results are recomputed whenever donations change; they can lag behind the records by donations
added in the last moments (never by a deletion): \`manifest.json\` gives the revision of each.

- Outcomes: ${outcomes.map((name) => `\`${name}\``).join(', ')}; protected attributes: ${protectedNames.map((name) => `\`${name}\``).join(', ')}.
- Yes/no outcomes are compared as rates (Wilson intervals, Fisher's exact test, Katz's interval for the
  rate ratio), numbers as means (Welch). Adjusted effects come from logistic or OLS regression holding
  the legitimate factors fixed (${legitimate.map((name) => `\`${name}\``).join(', ') || 'none'}), with
  Holm's correction across every adjusted test of the campaign (\`holmPValue\`).
- \`results/analyses.json\` has everything; \`groups.csv\`, \`effects.csv\` and \`planner.csv\` the same
  as tables; \`planner.csv\` says how many more donors would let a gap be detected with 80% power.

## Caveats

- Donors chose to take part: they are self-selected and need not resemble everyone the decisions affect.
- A difference between groups is an association, not proof of its cause; factors not collected may explain it.
- Several tests were run at once; read the Holm-adjusted p-values.
${campaign.entry === 'csv' ? '- One person gives many records: records are clustered, and intervals that treat them as independent are too narrow.\n' : ''}${analyses.donors < 100 ? `- Only ${analyses.donors} people: estimates are uncertain.\n` : ''}
## Re-running

\`\`\`sh
${rerun.join('\n')}
\`\`\`

## Verifying this pack

\`manifest.json\` lists the SHA-256 of every other file; \`manifest.sig\` is an Ed25519 signature (base64)
of the exact bytes of \`manifest.json\` by the key in \`signing-key.pem\`, which the server also publishes at
\`GET /api/v1/signing-key\`. Check both with:

\`\`\`sh
crowdaudit verify pack.zip --key signing-key-from-the-server.pem
\`\`\`
`;
}

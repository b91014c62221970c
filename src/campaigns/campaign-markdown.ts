/**
 * The Markdown page of a campaign, made from its dictionary file so the documentation can never
 * say something the form and the validation do not do.
 */
import { CSV_MAX_FILE_BYTES } from '../csv/csv-limits';
import { DEFAULT_RELEASE_INTERVAL } from '../evidence/releases/release-rule';
import { orderedLevelsOf } from './ordered-levels';
import { campaignPopulationMargins } from './population-margins-file';
import type { Campaign, CampaignField, Generalisation } from './types';

const ROLE_TEXT: Record<CampaignField['role'], string> = {
  outcome: 'outcome — the decision or score examined',
  protected: 'protected — what the decision should not depend on',
  legitimate: 'legitimate — what the decision may depend on',
  context: 'context — used to compare like with like',
  'donor-only': "donor-only — for the donor's own pack, never analysed or shared",
};

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function constraintsText(field: CampaignField): string {
  const parts: string[] = [field.constraints.required ? 'required' : 'optional'];
  if (field.constraints.minimum !== undefined) parts.push(`≥ ${field.constraints.minimum}`);
  if (field.constraints.maximum !== undefined) parts.push(`≤ ${field.constraints.maximum}`);
  if (field.constraints.pattern !== undefined) parts.push(`pattern \`${field.constraints.pattern}\``);
  if (field.constraints.enum) parts.push(`one of ${field.constraints.enum.map((value) => `\`${value}\``).join(', ')}`);
  const order = orderedLevelsOf(field);
  if (order) parts.push(`ordered, ${order.direction === 'best-first' ? 'best first' : 'worst first'}`);
  return parts.join('; ');
}

/** What an ordered field's order is and how analyses read it (proportional odds, values outside the order). */
function orderText(field: CampaignField): string[] {
  const order = orderedLevelsOf(field);
  if (!order) return [];
  const [best, worst] = order.direction === 'best-first' ? [order.levels[0], order.levels.at(-1)] : [order.levels.at(-1), order.levels[0]];
  const outside = order.missingLevels.map((value) => `\`${value}\``).join(', ');
  return [
    `Ordered: ${order.levels.map((value) => `\`${value}\``).join(' → ')} (\`${best}\` best, \`${worst}\` worst). Analyses treat it as an ordered outcome (proportional-odds regression, \`crowdaudit regress --model ordinal\`)${outside ? `; ${outside} ${order.missingLevels.length === 1 ? 'is' : 'are'} not a level of the order and count${order.missingLevels.length === 1 ? 's' : ''} as missing there` : ''}.`,
    '',
  ];
}

function generalisationText(generalisation: Generalisation | undefined): string {
  switch (generalisation?.method) {
    case undefined:
      return '';
    case 'suppress':
      return 'suppressed';
    case 'bands':
      return `bands of ${generalisation.width.join(', then ')}`;
    case 'map':
      return `merged in ${generalisation.levels.length} step(s): ${generalisation.levels
        .map((step) => [...new Set(Object.values(step))].map((value) => `\`${value}\``).join(', '))
        .join(' → ')}`;
    case 'truncate':
      return `cut to ${generalisation.lengths.join(', then ')} character(s)`;
    case 'year':
      return 'month → year';
  }
}

function csvExampleCell(value: string | number | boolean): string {
  return typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
}

/** How to write the records as a CSV file: what the upload and `crowdaudit import` accept. */
function csvSection(campaign: Campaign): string[] {
  const names = campaign.schema.fields.map((field) => field.name);
  const example = campaign.schema.fields.map((field) => csvExampleCell(field.example));
  const missingWords = campaign.schema.missingValues.filter((value) => value !== '');
  return [
    '## CSV upload',
    '',
    `Many records at once go in a CSV file: one row per record, up to ${campaign.maxRecords} rows per donation and ${CSV_MAX_FILE_BYTES / 1024 / 1024} MB. Start from the template at \`/campaigns/${campaign.slug}/template.csv\` (\`?lang=de\`, \`fr\` or \`en\`: with titles and labels in that language); \`/campaigns/${campaign.slug}/columns\` explains every column.`,
    '',
    '- **Header:** the first row names the columns with the field names below or their titles in English, German or French, in any order, any letter case, with or without accents. Optional columns may be left out; an unknown or repeated column stops the upload and is named.',
    '- **Separator:** `,` or `;` (German and French spreadsheets) or a tab; read from the header row.',
    '- **Encoding:** UTF-8 with or without a byte-order mark, Windows-1252 (Excel "CSV" on Windows) or UTF-16 ("Unicode text").',
    `- **Values:** an empty cell${missingWords.length > 0 ? ` (or ${missingWords.map((value) => `\`${value}\``).join(', ')})` : ''} means "no answer"; numbers may use a decimal comma (\`4,5\`); yes/no fields take \`yes\`/\`no\`, \`ja\`/\`nein\`, \`oui\`/\`non\`, \`true\`/\`false\` or \`1\`/\`0\`; months may be written \`2025-06\`, \`06/2025\`, \`06.2025\`, \`Jun 2025\` (month names in English, German or French) or as a full date, of which only the month is kept; choices take the values in the tables below or their labels in any of the three languages, in any case, with or without accents.`,
    '- **Errors:** a file with any invalid cell is refused whole; each problem names the row as a spreadsheet numbers it (the header is row 1) and the column. In the web form the donor can remove such rows before sending.',
    '',
    '```csv',
    names.join(','),
    example.join(','),
    '```',
    '',
  ];
}

/** Per outcome: which records it applies to, the strata it is compared within, its own legitimate factors and its direction. */
function comparableSection(campaign: Campaign): string[] {
  const outcomes = campaign.schema.fields.filter((field) => field.role === 'outcome');
  const matchText = (match: Record<string, string[]>) => Object.entries(match).map(([name, answers]) => `\`${name}\` is ${answers.map((answer) => `\`${answer}\``).join(' or ')}`).join(' and ');
  return [
    '## Outcomes: what is compared with what',
    '',
    `Findings compare records only within a stratum: one combination of the context fields an outcome is comparable within. A stratum of fewer than ${campaign.minGroupSize} donors is suppressed like a small group. Where two or more strata are shown, one pooled figure holds the stratum fixed in the adjusting model and puts numbers on a common scale: their percentile rank within the stratum, turned so that higher is favourable.`,
    '',
    '| Outcome | Applies to | Compared within (strata) | Also adjusted for | Favourable |',
    '|---|---|---|---|---|',
    ...outcomes.map((field) => {
      const comparable = field.comparable;
      const direction = field.type === 'boolean'
        ? (field.harmful === undefined ? '' : `\`${String(!field.harmful)}\``)
        : [field.favourable ?? '', ...(comparable?.favourableWhere ?? []).map((rule) => `${rule.favourable} where ${matchText(rule.where)}`)].filter(Boolean).join('; ');
      return `| \`${field.name}\` | ${cell(comparable?.appliesWhere ? `records where ${matchText(comparable.appliesWhere)}` : 'every record')} | ${comparable?.within ? comparable.within.map((name) => `\`${name}\``).join(' × ') : 'all records together'} | ${(comparable?.adjustFor ?? []).map((name) => `\`${name}\``).join(', ')} | ${cell(direction)} |`;
    }),
    '',
  ];
}

/** The population margins raked estimates are weighted to, with their sources (none: no section). */
function marginsSection(campaign: Campaign): string[] {
  const margins = campaignPopulationMargins(campaign);
  if (!margins) return [];
  return [
    '## Population margins',
    '',
    `Raked estimates (the findings' weighted figures and \`crowdaudit disparity|compare --rake\`) weight the donors to these margins — ${margins.title} (\`data-dictionary/margins/${campaign.slug}.json\`). Records whose value is not a level below (e.g. \`not-stated\`) are left out of them, and counted. The findings show the donors' share of each level beside the population's, and rake a stratum only where every level has at least ${campaign.minGroupSize} donors.`,
    '',
    '| Field | Level | Population | Share |',
    '|---|---|---|---|',
    ...margins.margins.flatMap((margin) => {
      const total = margin.levels.reduce((sum, level) => sum + level.total, 0);
      return margin.levels.map((level) => `| \`${margin.column}\` | \`${level.level}\` | ${level.total} | ${(100 * level.total / total).toFixed(1)}% |`);
    }),
    '',
    ...margins.sources.map((source) => `- \`${source.column}\`: ${cell(`${source.publisher}, table ${source.table} (${source.tableTitle}), ${source.referenceDate}, ${source.url}. ${source.derivation}`)}`),
    '',
  ];
}

export function renderCampaignMarkdown(campaign: Campaign): string {
  const lines = [
    `<!-- Generated from data-dictionary/${campaign.slug}.json by \`npm run docs\`. Do not edit by hand. -->`,
    `# ${campaign.title.en} (\`${campaign.slug}\`)`,
    '',
    campaign.description.en,
    '',
    `- **Who decides:** ${campaign.decisionMaker.en}`,
    `- **Version:** ${campaign.version}; status ${campaign.status}`,
    `- **Entry:** ${campaign.entry === 'form' ? 'web form' : 'CSV upload'}; up to ${campaign.maxRecords} records per donation`,
    `- **Minimum group size k:** ${campaign.minGroupSize} — no result shows a group of fewer donors`,
    `- **Retention:** ${campaign.retentionDays} days`,
    `- **Findings releases:** public findings change only after at least ${campaign.releaseMinChanges ?? 2 * campaign.minGroupSize} donations were added or withdrawn, at most once per ${campaign.releaseInterval ?? DEFAULT_RELEASE_INTERVAL} (ISO 8601; a server may set both for every campaign with \`RELEASE_MIN_CHANGES\` and \`RELEASE_INTERVAL\`)`,
    '',
    `## Consent (version ${campaign.consent.version}, SHA-256 \`${campaign.consentSha256}\`)`,
    '',
    "This hash covers the dictionary's consent only. A running server also names its operator in the consent, so the hash it reports and stores with each donation (`consent.sha256` in `GET /api/v1/campaigns/:slug`) covers the operator too.",
    '',
    campaign.consent.text.en,
    '',
    '| Purpose | Required | What it allows |',
    '|---|---|---|',
    ...campaign.consent.purposes.map((purpose) => `| \`${purpose.id}\` | ${purpose.required ? 'yes' : 'no'} | ${cell(purpose.description.en)} |`),
    '',
    '## Fields',
    '',
    '| Field | Title (en / de / fr) | Type | Role | Constraints | Quasi-identifier |',
    '|---|---|---|---|---|---|',
    ...campaign.schema.fields.map((field) =>
      `| \`${field.name}\` | ${cell(`${field.title} / ${field.translations.de.title} / ${field.translations.fr.title}`)} | ${field.type} | ${ROLE_TEXT[field.role]}${field.specialCategory ? '; special category (GDPR Art. 9: explicit consent)' : ''}${field.perDonor ? '; asked once per person (web form)' : ''} | ${cell(constraintsText(field))} | ${field.quasiIdentifier ? cell(generalisationText(field.generalisation)) : 'no'} |`,
    ),
    '',
    ...comparableSection(campaign),
    ...csvSection(campaign),
    ...marginsSection(campaign),
    '## What each field means',
    '',
    ...campaign.schema.fields.flatMap((field) => [
      `### \`${field.name}\` — ${field.title}`,
      '',
      field.description,
      '',
      ...(field.constraints.enum
        ? ['| Value | Label (en) | de | fr |', '|---|---|---|---|',
          ...field.constraints.enum.map((value) => `| \`${value}\` | ${cell(field.enumLabels?.[value] ?? '')} | ${cell(field.translations.de.enumLabels?.[value] ?? '')} | ${cell(field.translations.fr.enumLabels?.[value] ?? '')} |`), '']
        : []),
      ...orderText(field),
      `Example: \`${String(field.example)}\``,
      '',
    ]),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

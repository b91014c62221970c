/**
 * The Markdown page of a campaign, made from its dictionary file so the documentation can never
 * say something the form and the validation do not do.
 */
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
  return parts.join('; ');
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
    '',
    `## Consent (version ${campaign.consent.version}, SHA-256 \`${campaign.consentSha256}\`)`,
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
      `| \`${field.name}\` | ${cell(`${field.title} / ${field.translations.de.title} / ${field.translations.fr.title}`)} | ${field.type} | ${ROLE_TEXT[field.role]} | ${cell(constraintsText(field))} | ${field.quasiIdentifier ? cell(generalisationText(field.generalisation)) : 'no'} |`,
    ),
    '',
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
      `Example: \`${String(field.example)}\``,
      '',
    ]),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

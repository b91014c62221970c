/**
 * The column guide of a campaign's CSV file, in the reader's language: every column with its
 * short name, title, meaning, whether it is required, the form of its answers and, for a list,
 * each accepted value with its label — the same dictionary the upload checks against.
 */
import { localizedField } from '../../campaigns/localize';
import { digitPrefixLength } from '../../campaigns/forgiving-values';
import type { Campaign, CampaignField, Locale } from '../../campaigns/types';
import { csvGuideTranslator, type CsvGuideTranslate } from '../../i18n/csv-guide-messages';
import type { PageContext } from './donation-views';
import { html, type SafeHtml } from './html';
import { layout } from './layout';

function formText(field: CampaignField, gt: CsvGuideTranslate): string {
  const { minimum, maximum } = field.constraints;
  switch (field.type) {
    case 'yearmonth':
      return gt('guideMonth');
    case 'boolean':
      return gt('guideYesNo');
    case 'integer':
      return minimum !== undefined && maximum !== undefined ? gt('guideWhole', { min: minimum, max: maximum }) : gt('guideAnyNumber');
    case 'number':
      return minimum !== undefined && maximum !== undefined ? gt('guideNumber', { min: minimum, max: maximum }) : gt('guideAnyNumber');
    default: {
      const digits = digitPrefixLength(field);
      if (digits !== undefined) return `${gt('guidePattern', { name: String(field.example) })} ${gt('guidePostcode', { count: digits })}`;
      return field.constraints.enum ? '' : gt('guidePattern', { name: String(field.example) });
    }
  }
}

function column(field: CampaignField, locale: Locale, gt: CsvGuideTranslate): SafeHtml {
  const localized = localizedField(field, locale);
  const values = field.constraints.enum?.map((value) => html`<tr><td><code>${value}</code></td><td>${localized.label(value)}</td></tr>`);
  const form = formText(field, gt);
  return html`<section class="csv-column" id="column-${field.name}" aria-labelledby="column-${field.name}-title">
  <h2 id="column-${field.name}-title">${localized.title}</h2>
  <p>${gt('guideShortName')}: <code>${field.name}</code>. ${field.constraints.required ? gt('guideRequired') : gt('guideOptional')}</p>
  <p>${localized.description}</p>
  ${form ? html`<p>${form}</p>` : ''}
  ${values ? html`<table class="values-table"><thead><tr><th scope="col">${gt('guideValue')}</th><th scope="col">${gt('guideMeaning')}</th></tr></thead><tbody>${values}</tbody></table>` : ''}
</section>`;
}

export function csvGuidePage(campaign: Campaign, context: PageContext): string {
  const { t, locale } = context;
  const gt = csvGuideTranslator(locale);
  const title = gt('guideTitle', { name: campaign.title[locale] });
  return layout({ locale, t, operator: context.operator, title, switcherPath: `/campaigns/${campaign.slug}/columns` }, html`
<h1>${title}</h1>
<p>${gt('guideIntro')}</p>
<p>${gt('guideSeparators')}</p>
<p><a href="/campaigns/${campaign.slug}/template.csv?lang=${locale}&amp;labels=true" download>${gt('guideTemplate')}</a></p>
${campaign.schema.fields.map((field) => column(field, locale, gt))}`);
}

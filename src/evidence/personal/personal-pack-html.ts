/**
 * The personal pack as one HTML file the donor can keep, print or send: its stylesheet inside
 * (a downloaded file has no server to fetch it from), allowed by its hash in the answer's CSP
 * rather than by 'unsafe-inline'; each letter starts a new printed page.
 */
import { createHash } from 'node:crypto';
import type { Locale } from '../../campaigns/types';
import { evidenceTranslator } from '../../i18n/evidence-messages';
import { guideTranslator } from '../../i18n/pack-guide-messages';
import { html, SafeHtml } from '../../http/views/html';
import type { PersonalPack } from './personal-pack';

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.5;color:#1b1b1b;max-width:44rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem}.letter{border-top:2px solid #1d4ed8;margin-top:2rem;padding-top:1rem}
.letter pre{white-space:pre-wrap;font-family:inherit}.small{color:#505a5f;font-size:.9rem}
.summary{border:2px solid #1d4ed8;padding:0 1rem 1rem}.caution{border-left:4px solid #b45309;padding-left:1rem}.send{background:#eef2ff;padding:.5rem 1rem}
.translation{border-top:1px dashed #505a5f;margin-top:1rem;color:#333}
@media print{body{max-width:none;padding:0}.letter,.translation{break-before:page;border:0;margin:0;padding:0}.summary{break-after:page}.send{display:none}h2{break-after:avoid}}`;

/** The value for the answer's `style-src`: exactly this stylesheet and nothing else. */
export const PACK_STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

function summarySection(pack: PersonalPack): SafeHtml {
  const { summary } = pack;
  return html`<section class="summary" aria-labelledby="summary-heading">
<h2 id="summary-heading">${summary.heading}</h2>
<h3>${summary.found.heading}</h3>
${summary.found.sentences.map((sentence) => html`<p>${sentence}</p>`)}
<h3>${summary.meaning.heading}</h3>
<p>${summary.meaning.text}</p>
<h3>${summary.next.heading}</h3>
<ol>${summary.next.steps.map((step) => html`<li>${step}</li>`)}</ol>
${summary.caution ? html`<div class="caution"><h3>${summary.caution.heading}</h3><p>${summary.caution.text}</p>${summary.caution.deadline ? html`<p>${summary.caution.deadline.text} <span class="small">(${summary.caution.deadline.source})</span></p>` : ''}</div>` : ''}
</section>`;
}

function helpSection(pack: PersonalPack): SafeHtml {
  return html`<h2>${pack.help.heading}</h2>
${pack.help.countries.map((country) => html`<h3>${country.heading}</h3><ul>${country.entries.map((entry) => html`<li><strong>${entry.name}</strong> (${entry.web}): ${entry.text} <span class="small">${entry.source}</span></li>`)}</ul>`)}`;
}

export function personalPackHtml(pack: PersonalPack, locale: Locale): string {
  const et = evidenceTranslator(locale);
  const gt = guideTranslator(locale);
  const { donation, manifest } = pack;
  const paragraphs = (items: Array<{ sentence: string }>) => items.map((item) => html`<p>${item.sentence}</p>`);
  return `<!doctype html>\n${html`<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${et('packTitle')} – crowdaudit</title><style>${new SafeHtml(STYLE)}</style></head>
<body>
<main>
<h1>${et('packTitle')}</h1>
${summarySection(pack)}
<p>${et('packIntro')}</p>
<h2>${et('yourDonation')}</h2>
<p>${et('donatedOnReceipt', { day: donation.createdOn, hash: donation.receiptSha256 })}</p>
<p>${et('consentGiven', { version: donation.consent.version, purposes: donation.consent.purposes.join(', ') })}</p>
<h2>${et('peersHeading')}</h2>
${paragraphs(pack.peers)}
<h2>${et('predictionHeading')}</h2>
${paragraphs(pack.prediction)}
<h2>${et('effectsHeading')}</h2>
${paragraphs(pack.effects)}
<h2>${et('caveatsHeading')}</h2>
<ul>${pack.caveats.map((caveat) => html`<li>${caveat.text}</li>`)}</ul>
<h2>${et('manifestHeading')}</h2>
<p class="small">${et('manifestText', { day: manifest.generatedOn, version: manifest.software.version, records: manifest.records, people: manifest.people, hash: manifest.datasetSha256 ?? '–', release: manifest.release ?? '–', k: Number(manifest.parameters.minGroupSize) })}</p>
<h2>${et('lettersHeading')}</h2>
<p>${et('lettersIntro')}</p>
${pack.letters.map((letter) => html`<section class="letter" id="letter-${letter.id}"><h2>${letter.translation?.title ?? letter.title}</h2>
<div class="send" lang="${locale}"><ul>${letter.howToSend.map((line) => html`<li>${line}</li>`)}</ul></div>
<pre lang="${letter.language}">${letter.text}</pre>
${letter.translation ? html`<div class="translation" lang="${letter.translation.language}"><h3>${gt('translationHeading')}</h3><pre>${letter.translation.text}</pre></div>` : ''}</section>`)}
${helpSection(pack)}
</main>
</body>
</html>`.value}\n`;
}

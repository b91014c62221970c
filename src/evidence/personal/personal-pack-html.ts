/**
 * The personal pack as one HTML file the donor can keep, print or send: its stylesheet inside
 * (a downloaded file has no server to fetch it from), allowed by its hash in the answer's CSP
 * rather than by 'unsafe-inline'; each letter starts a new printed page.
 */
import { createHash } from 'node:crypto';
import type { Locale } from '../../campaigns/types';
import { evidenceTranslator } from '../../i18n/evidence-messages';
import { html, SafeHtml } from '../../http/views/html';
import type { PersonalPack } from './personal-pack';

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.5;color:#1b1b1b;max-width:44rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem}.letter{border-top:2px solid #1d4ed8;margin-top:2rem;padding-top:1rem}
.letter pre{white-space:pre-wrap;font-family:inherit}.small{color:#505a5f;font-size:.9rem}
@media print{body{max-width:none;padding:0}.letter{break-before:page;border:0;margin:0;padding:0}h2{break-after:avoid}}`;

/** The value for the answer's `style-src`: exactly this stylesheet and nothing else. */
export const PACK_STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

export function personalPackHtml(pack: PersonalPack, locale: Locale): string {
  const et = evidenceTranslator(locale);
  const { donation, manifest } = pack;
  const paragraphs = (items: Array<{ sentence: string }>) => items.map((item) => html`<p>${item.sentence}</p>`);
  return `<!doctype html>\n${html`<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${et('packTitle')} – crowdaudit</title><style>${new SafeHtml(STYLE)}</style></head>
<body>
<main>
<h1>${et('packTitle')}</h1>
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
<p class="small">${et('manifestText', { day: manifest.generatedOn, version: manifest.software.version, records: manifest.records, people: manifest.people, hash: manifest.datasetSha256, k: Number(manifest.parameters.minGroupSize) })}</p>
<h2>${et('lettersHeading')}</h2>
<p>${et('lettersIntro')}</p>
${pack.letters.map((letter) => html`<section class="letter" id="letter-${letter.id}"><h2>${letter.title}</h2><pre>${letter.text}</pre></section>`)}
</main>
</body>
</html>`.value}\n`;
}

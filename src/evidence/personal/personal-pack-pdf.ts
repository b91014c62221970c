/**
 * The personal pack as a PDF (pdfkit, A4): the same content as the HTML, each letter on its own
 * page, ready to print. The built-in Helvetica covers German and French letters (WinAnsi);
 * the narrow spaces that number formats use are written as plain spaces, which it lacks.
 */
import PDFDocument from 'pdfkit';
import type { Locale } from '../../campaigns/types';
import { evidenceTranslator } from '../../i18n/evidence-messages';
import { guideTranslator } from '../../i18n/pack-guide-messages';
import type { PersonalPack } from './personal-pack';

function printable(text: string): string {
  return text.replace(/[\u202f\u00a0\u2009]/g, ' ');
}

const MM = 72 / 25.4;

/**
 * A letter's page. A postal letter puts the recipient's address where a window envelope (DL or
 * C5/6, window left) shows it: DIN 5008 form B, address field 45 mm from the top and 20 mm from
 * the left edge, the return line in its top part and the address from 62.7 mm; the text follows
 * below the field. An e-mail or web-form text is printed as it is pasted.
 */
function printLetter(document: PDFKit.PDFDocument, parts: PersonalPack['letters'][number]['parts']): void {
  const text = (lines: string[]) => printable(lines.join('\n'));
  if (parts.window.length > 0) {
    document.font('Helvetica').fontSize(10.5).text(text(parts.sender), 25 * MM, 15 * MM, { width: 85 * MM });
    document.fontSize(7).text(text([parts.returnLine!]), 25 * MM, 56 * MM, { width: 85 * MM, lineBreak: false, ellipsis: true });
    document.fontSize(10.5).text(text(parts.window), 25 * MM, 62.7 * MM, { width: 85 * MM });
    document.text(text(parts.rest), 25 * MM, 98.5 * MM, { width: 165 * MM, align: 'left' });
    return;
  }
  document.font('Helvetica').fontSize(10.5).text(text(parts.rest), { align: 'left' });
}

export function personalPackPdf(pack: PersonalPack, locale: Locale): Promise<Buffer> {
  const et = evidenceTranslator(locale);
  const gt = guideTranslator(locale);
  const document = new PDFDocument({ size: 'A4', margin: 56, info: { Title: et('packTitle'), Creator: `crowdaudit ${pack.manifest.software.version}` }, lang: locale });
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });
  const heading = (text: string, size = 14) => document.moveDown(0.8).font('Helvetica-Bold').fontSize(size).text(printable(text)).moveDown(0.3).font('Helvetica').fontSize(10.5);
  const paragraph = (text: string) => document.text(printable(text), { align: 'left' }).moveDown(0.4);

  document.font('Helvetica-Bold').fontSize(20).text(printable(et('packTitle')));
  document.font('Helvetica').fontSize(10.5).moveDown(0.5);
  // The first page, in plain words: what was found, what it means, what to do and by when.
  const { summary } = pack;
  heading(summary.heading);
  heading(summary.found.heading, 12);
  summary.found.sentences.forEach(paragraph);
  heading(summary.meaning.heading, 12);
  paragraph(summary.meaning.text);
  heading(summary.next.heading, 12);
  summary.next.steps.forEach((step, index) => paragraph(`${index + 1}. ${step}`));
  if (summary.caution) {
    heading(summary.caution.heading, 12);
    paragraph(summary.caution.text);
    if (summary.caution.deadline) paragraph(`${summary.caution.deadline.text} (${summary.caution.deadline.source})`);
  }
  document.addPage();
  paragraph(et('packIntro'));
  heading(et('yourDonation'));
  paragraph(et('donatedOnReceipt', { day: pack.donation.createdOn, hash: pack.donation.receiptSha256 }));
  paragraph(et('consentGiven', { version: pack.donation.consent.version, purposes: pack.donation.consent.purposes.join(', ') }));
  heading(et('peersHeading'));
  pack.peers.forEach((peer) => paragraph(peer.sentence));
  heading(et('predictionHeading'));
  pack.prediction.forEach((item) => paragraph(item.sentence));
  heading(et('effectsHeading'));
  pack.effects.forEach((effect) => paragraph(effect.sentence));
  heading(et('caveatsHeading'));
  pack.caveats.forEach((caveat) => paragraph(`• ${caveat.text}`));
  heading(et('manifestHeading'));
  document.fontSize(9);
  paragraph(et('manifestText', { day: pack.manifest.generatedOn, version: pack.manifest.software.version, records: pack.manifest.records, people: pack.manifest.people, hash: pack.manifest.datasetSha256 ?? '–', release: pack.manifest.release ?? '–', k: Number(pack.manifest.parameters.minGroupSize) }));
  heading(et('lettersHeading'));
  paragraph(et('lettersIntro'));
  for (const letter of pack.letters) {
    // How to send it: a letter to print gets it on the page before (its own page holds only what
    // is sent); a text to paste into a web form or an e-mail gets it above, set off by a rule.
    document.addPage();
    document.font('Helvetica-Bold').fontSize(12).text(printable(letter.title)).moveDown(0.6);
    document.font('Helvetica').fontSize(10.5);
    letter.howToSend.forEach((line) => paragraph(`• ${line}`));
    if (letter.channel.kind === 'post') document.addPage();
    else document.moveDown(0.5).moveTo(document.page.margins.left, document.y).lineTo(document.page.width - document.page.margins.right, document.y).stroke().moveDown(1);
    printLetter(document, letter.parts);
    if (letter.translation) {
      document.addPage();
      document.font('Helvetica-Bold').fontSize(12).text(printable(`${gt('translationHeading')}: ${letter.title}`)).moveDown(0.6);
      document.font('Helvetica').fontSize(10.5).text(printable(letter.translation.text), { align: 'left' });
    }
  }
  document.addPage();
  heading(pack.help.heading);
  for (const country of pack.help.countries) {
    heading(country.heading, 12);
    country.entries.forEach((entry) => paragraph(`• ${entry.name} (${entry.web}): ${entry.text}`));
  }
  document.end();
  return done;
}

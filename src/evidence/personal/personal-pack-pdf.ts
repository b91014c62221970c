/**
 * The personal pack as a PDF (pdfkit, A4): the same content as the HTML, each letter on its own
 * page, ready to print. The built-in Helvetica covers German and French letters (WinAnsi);
 * the narrow spaces that number formats use are written as plain spaces, which it lacks.
 */
import PDFDocument from 'pdfkit';
import type { Locale } from '../../campaigns/types';
import { evidenceTranslator } from '../../i18n/evidence-messages';
import type { PersonalPack } from './personal-pack';

function printable(text: string): string {
  return text.replace(/[\u202f\u00a0\u2009]/g, ' ');
}

export function personalPackPdf(pack: PersonalPack, locale: Locale): Promise<Buffer> {
  const et = evidenceTranslator(locale);
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
  paragraph(et('manifestText', { day: pack.manifest.generatedOn, version: pack.manifest.software.version, records: pack.manifest.records, people: pack.manifest.people, hash: pack.manifest.datasetSha256, k: Number(pack.manifest.parameters.minGroupSize) }));
  heading(et('lettersHeading'));
  paragraph(et('lettersIntro'));
  for (const letter of pack.letters) {
    document.addPage();
    document.font('Helvetica-Bold').fontSize(12).text(printable(letter.title)).moveDown(0.6);
    document.font('Helvetica').fontSize(10.5).text(printable(letter.text), { align: 'left' });
  }
  document.end();
  return done;
}

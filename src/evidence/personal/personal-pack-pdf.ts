/**
 * The personal pack as a PDF (pdfkit, A4): the same content as the HTML, each letter on its own
 * page, ready to print. PDF/A-3b (archivable: a court or an authority may keep it for years), so
 * every font is embedded: Noto Sans from npm (SIL Open Font License), which covers German and
 * French (ä ß é œ « » „ “ and the narrow spaces of number formats). Tagged (a structure tree with
 * headings and paragraphs, the document's language) so screen readers can read it, with XMP
 * metadata (written by pdfkit for PDF/A).
 */
import PDFDocument from 'pdfkit';
import type { Locale } from '../../campaigns/types';
import { evidenceTranslator } from '../../i18n/evidence-messages';
import type { PersonalPack } from './personal-pack';

// Resolved from node_modules at run time: `npm ci && npm start` brings them, no system font needed.
const FONTS = {
  regular: require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
};

export function personalPackPdf(pack: PersonalPack, locale: Locale): Promise<Buffer> {
  const et = evidenceTranslator(locale);
  const document = new PDFDocument({
    size: 'A4',
    margin: 56,
    pdfVersion: '1.7',
    subset: 'PDF/A-3b',
    tagged: true,
    displayTitle: true,
    lang: locale,
    font: FONTS.regular,
    info: { Title: et('packTitle'), Creator: `crowdaudit ${pack.manifest.software.version}`, Producer: `crowdaudit ${pack.manifest.software.version} (pdfkit)` },
  });
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });
  document.registerFont('Body', FONTS.regular);
  document.registerFont('Bold', FONTS.bold);
  const root = document.struct('Document');
  document.addStructure(root);
  const heading = (text: string, size = 14, structType = 'H2') =>
    document.moveDown(0.8).font('Bold').fontSize(size).text(text, { structParent: root, structType }).moveDown(0.3).font('Body').fontSize(10.5);
  const paragraph = (text: string) => document.text(text, { align: 'left', structParent: root, structType: 'P' }).moveDown(0.4);

  document.font('Bold').fontSize(20).text(et('packTitle'), { structParent: root, structType: 'H1' });
  document.font('Body').fontSize(10.5).moveDown(0.5);
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
    document.font('Bold').fontSize(12).text(letter.title, { structParent: root, structType: 'H2' }).moveDown(0.6);
    document.font('Body').fontSize(10.5).text(letter.text, { align: 'left', structParent: root, structType: 'P' });
  }
  root.end();
  document.end();
  return done;
}

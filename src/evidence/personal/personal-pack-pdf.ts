/**
 * The personal pack as a PDF (pdfkit, A4): the same content as the HTML — the first page in plain
 * words, then the pack, each letter on its own page (a letter to post laid out for a window
 * envelope), its translation, and where to get help — ready to print. PDF/A-3b (archivable: a
 * court or an authority may keep it for years), so every font is embedded: Noto Sans from npm
 * (SIL Open Font License), which covers German and French (ä ß é œ « » „ “ and the narrow spaces
 * of number formats). Tagged (a structure tree with headings and paragraphs, the document's
 * language, and each letter's own language) so screen readers can read it, with XMP metadata
 * (written by pdfkit for PDF/A).
 */
import PDFDocument from 'pdfkit';
import type { Locale } from '../../campaigns/types';
import { evidenceTranslator } from '../../i18n/evidence-messages';
import { guideTranslator } from '../../i18n/pack-guide-messages';
import type { PersonalPack } from './personal-pack';

// Resolved from node_modules at run time: `npm ci && npm start` brings them, no system font needed.
const FONTS = {
  regular: require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
};

const MM = 72 / 25.4;

type Structure = ReturnType<PDFKit.PDFDocument['struct']>;

/**
 * A letter's page. A postal letter puts the recipient's address where a window envelope (DL or
 * C5/6, window left) shows it: DIN 5008 form B, address field 45 mm from the top and 20 mm from
 * the left edge, the return line in its top part and the address from 62.7 mm; the text follows
 * below the field. An e-mail or web-form text is printed as it is pasted.
 */
function printLetter(document: PDFKit.PDFDocument, parts: PersonalPack['letters'][number]['parts'], section: Structure): void {
  const tagged = { structParent: section, structType: 'P' };
  if (parts.window.length > 0) {
    document.font('Body').fontSize(10.5).text(parts.sender.join('\n'), 25 * MM, 15 * MM, { width: 85 * MM, ...tagged });
    document.fontSize(7).text(parts.returnLine!, 25 * MM, 56 * MM, { width: 85 * MM, lineBreak: false, ellipsis: true, ...tagged });
    document.fontSize(10.5).text(parts.window.join('\n'), 25 * MM, 62.7 * MM, { width: 85 * MM, ...tagged });
    document.text(parts.rest.join('\n'), 25 * MM, 98.5 * MM, { width: 165 * MM, align: 'left', ...tagged });
    return;
  }
  document.font('Body').fontSize(10.5).text(parts.rest.join('\n'), { align: 'left', ...tagged });
}

export function personalPackPdf(pack: PersonalPack, locale: Locale): Promise<Buffer> {
  const et = evidenceTranslator(locale);
  const gt = guideTranslator(locale);
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
  const heading = (text: string, size = 14, structType = 'H2', parent: Structure = root) =>
    document.moveDown(0.8).font('Bold').fontSize(size).text(text, { structParent: parent, structType }).moveDown(0.3).font('Body').fontSize(10.5);
  const paragraph = (text: string, parent: Structure = root) => document.text(text, { align: 'left', structParent: parent, structType: 'P' }).moveDown(0.4);

  document.font('Bold').fontSize(20).text(et('packTitle'), { structParent: root, structType: 'H1' });
  document.font('Body').fontSize(10.5).moveDown(0.5);
  // The first page, in plain words: what was found, what it means, what to do and by when.
  const { summary } = pack;
  heading(summary.heading);
  heading(summary.found.heading, 12, 'H3');
  summary.found.sentences.forEach((sentence) => paragraph(sentence));
  heading(summary.meaning.heading, 12, 'H3');
  paragraph(summary.meaning.text);
  heading(summary.next.heading, 12, 'H3');
  summary.next.steps.forEach((step, index) => paragraph(`${index + 1}. ${step}`));
  if (summary.caution) {
    heading(summary.caution.heading, 12, 'H3');
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
  paragraph(et('manifestText', { day: pack.manifest.generatedOn, version: pack.manifest.software.version, release: pack.manifest.release ?? '–', records: pack.manifest.records, people: pack.manifest.people, hash: pack.manifest.datasetSha256 ?? '–', k: Number(pack.manifest.parameters.minGroupSize) }));
  heading(et('lettersHeading'));
  paragraph(et('lettersIntro'));
  for (const letter of pack.letters) {
    // How to send it: a letter to print gets it on the page before (its own page holds only what
    // is sent); a text to paste into a web form or an e-mail gets it above, set off by a rule.
    document.addPage();
    // Headed in the donor's language; the letter below is in its recipient's.
    heading(letter.translation?.title ?? letter.title, 12);
    letter.howToSend.forEach((line) => paragraph(`• ${line}`));
    if (letter.channel.kind === 'post') document.addPage();
    else document.moveDown(0.5).moveTo(document.page.margins.left, document.y).lineTo(document.page.width - document.page.margins.right, document.y).stroke().moveDown(1);
    // The letter is in its recipient's language: its section says so, for screen readers.
    const section = document.struct('Sect', { lang: letter.language });
    root.add(section);
    printLetter(document, letter.parts, section);
    section.end();
    if (letter.translation) {
      document.addPage();
      const translation = document.struct('Sect', { lang: letter.translation.language });
      root.add(translation);
      heading(`${gt('translationHeading')}: ${letter.translation.title}`, 12, 'H3', translation);
      paragraph(letter.translation.text, translation);
      translation.end();
    }
  }
  document.addPage();
  heading(pack.help.heading);
  for (const country of pack.help.countries) {
    heading(country.heading, 12, 'H3');
    country.entries.forEach((entry) => paragraph(`• ${entry.name} (${entry.web}): ${entry.text}`));
  }
  root.end();
  document.end();
  return done;
}

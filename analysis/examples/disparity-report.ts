/**
 * Example: screen several attributes for disparities in one outcome, with Benjamini–Hochberg
 * across every comparison made (a family of tests, so some "findings" would be chance otherwise).
 *
 *   npm run build && node dist/analysis/examples/disparity-report.js ../shared/fixtures/german_credit.csv decision sex foreign_worker housing
 */
import { adjustPValues, csvRowSource, disparity } from '../index';

export interface ScreenLine {
  column: string;
  group: string;
  reference: string;
  rate: number;
  ratio: number | null;
  fisherP: number;
  adjustedP: number;
}

export async function disparityReport(file: string, outcome: string, columns: string[]): Promise<ScreenLine[]> {
  const source = csvRowSource(file);
  const lines: Array<Omit<ScreenLine, 'adjustedP'>> = [];
  for (const column of columns) {
    const result = await disparity(source, { outcome, groups: [column] });
    for (const group of result.groups) {
      if (group.fisherP === undefined) continue;
      lines.push({ column, group: group.group, reference: result.reference, rate: group.rate, ratio: group.ratio, fisherP: group.fisherP });
    }
  }
  const adjusted = adjustPValues(lines.map((line) => line.fisherP), 'bh');
  return lines.map((line, index) => ({ ...line, adjustedP: adjusted[index]! }));
}

if (require.main === module) {
  const [file, outcome, ...columns] = process.argv.slice(2);
  if (!file || !outcome || columns.length === 0) {
    process.stderr.write('usage: disparity-report FILE.csv OUTCOME COLUMN...\n');
    process.exit(2);
  }
  disparityReport(file, outcome, columns).then((lines) => {
    for (const line of lines) {
      process.stdout.write(`${line.column}=${line.group} vs ${line.reference}: rate ${line.rate.toFixed(3)}, ratio ${line.ratio?.toFixed(3) ?? '–'}, p ${line.fisherP.toExponential(2)}, BH-adjusted ${line.adjustedP.toExponential(2)}\n`);
    }
  });
}

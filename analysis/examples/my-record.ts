/**
 * Example: where does one applicant stand? Their peers (same legitimate factors) and the outcome a
 * model on legitimate factors alone predicts for them.
 *
 *   npm run build && node dist/analysis/examples/my-record.js ../shared/fixtures/german_credit.csv 2
 */
import { csvRowSource, peerComparison, recordPrediction, type Row } from '../index';

export async function myRecord(file: string, rowNumber: number) {
  const source = csvRowSource(file);
  let record: Row | undefined;
  let index = 0;
  for await (const row of source.rows()) {
    index += 1;
    if (index === rowNumber) {
      record = row;
      break;
    }
  }
  if (!record) throw new Error(`The file has no data row ${rowNumber}.`);
  const peers = await peerComparison(source, record, { matchOn: ['housing', 'installment_rate'], outcome: 'decision', minGroupSize: 5 });
  const prediction = await recordPrediction(source, record, { outcome: 'decision', legitimate: ['amount', 'duration_months', 'installment_rate', 'housing'] });
  return { record, peers, prediction };
}

if (require.main === module) {
  const [file, rowNumber] = process.argv.slice(2);
  myRecord(file, Number(rowNumber ?? 1)).then(({ record, peers, prediction }) => {
    process.stdout.write(`Record: ${JSON.stringify(record)}\n`);
    process.stdout.write(peers.suppressed ? `Fewer than ${peers.minGroupSize} peers: not shown.\n` : `${peers.peers} peers; ${(100 * (peers.rate ?? peers.mean)).toFixed(1)}% had a good decision.\n`);
    process.stdout.write(`Predicted probability of a good decision from legitimate factors: ${prediction.predicted.toFixed(3)}; actual ${prediction.actual}; residual percentile ${prediction.residualPercentile?.toFixed(1)}.\n`);
  });
}

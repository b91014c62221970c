import { loadCampaigns } from '../../../src/campaigns/load-campaigns';
import { DONOR_COLUMN } from '../../../src/evidence/campaign-rows';
import { computePackStatistics } from '../../../src/evidence/personal/pack-statistics';

const credit = loadCampaigns().get('credit-scores')!;
const columns = [DONOR_COLUMN, ...credit.schema.fields.map((field) => field.name)];

function row(donor: string, values: Record<string, string | number | null>) {
  const base = Object.fromEntries(credit.schema.fields.map((field) => [field.name, null])) as Record<string, string | number | null>;
  return { ...base, [DONOR_COLUMN]: donor, ...values };
}

describe('pack statistics kept with a release', () => {
  // Six employed renters and three students: k = 5 keeps the first group only.
  const rows = [
    ...[60, 70, 80, 90, 95, 99].map((score, index) => row(`donation-employed-${index}`, { employment: 'employed', housing: 'rent', score_value: score, application_refused: index % 2 })),
    ...[40, 50, 55].map((score, index) => row(`donation-student-${index}`, { employment: 'student', housing: 'rent', score_value: score, application_refused: 1 })),
  ];

  test('when a release is cut, then only peer groups of at least k donors are kept, with count, mean, median and deciles, and no donor key or row', async () => {
    const statistics = await computePackStatistics(credit, columns, rows);
    const byEmployment = statistics.outcomes.score_value!.peers.employment!;
    expect(Object.keys(byEmployment)).toEqual(['["employed"]']);
    // R: x <- c(60, 70, 80, 90, 95, 99); mean(x); median(x); quantile(x, (1:9)/10, type = 7)
    expect(byEmployment['["employed"]']).toEqual({ donors: 6, mean: 82.33333333333333, median: 85, deciles: [65, 70, 75, 80, 85, 90, 92.5, 95, 97] });
    expect(statistics.outcomes.score_value!.peers['employment,housing']!['["employed","rent"]']!.donors).toBe(6);
    expect(statistics.outcomes.application_refused!.peers.housing!['["rent"]']).toMatchObject({ donors: 9, rate: 6 / 9 });
    expect(JSON.stringify(statistics)).not.toContain('donation-');
    expect(statistics).toMatchObject({ records: 9, donors: 9, datasetSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });
});

/**
 * Releases as they were stored before migration 010, as text: one in lines (release-document.ts)
 * and one as one line of JSON (before the lines). Both must read the same after the migration.
 */
export const TEXT_RELEASES = [
  {
    number: 1,
    text: ['{"comparisons":[],"release":{"number":1},"note":"Zürich €"}', '["comparisons",{"outcome":"score"}]', '["comparisons",{"outcome":"approved"}]'].join('\n'),
    read: { findings: { comparisons: [{ outcome: 'score' }, { outcome: 'approved' }], release: { number: 1 }, note: 'Zürich €' }, packStatistics: undefined },
  },
  {
    number: 2,
    text: '{"comparisons":[{"outcome":"score"}],"release":{"number":2},"packStatistics":{"datasetSha256":"ab"}}',
    read: { findings: { comparisons: [{ outcome: 'score' }], release: { number: 2 } }, packStatistics: { datasetSha256: 'ab' } },
  },
];

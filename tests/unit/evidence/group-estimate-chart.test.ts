import { groupEstimateChart, wrapLabel, type GroupEstimateChartInput } from '../../../src/evidence/charts/group-estimate-chart';
import { niceTicks } from '../../../src/evidence/charts/nice-ticks';

/** Tags open and close in order (a well-formedness check that needs no XML library). */
function balanced(svg: string): boolean {
  const stack: string[] = [];
  for (const [, closing, name, selfClosing] of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (selfClosing) continue;
    if (closing) {
      if (stack.pop() !== name) return false;
    } else stack.push(name);
  }
  return stack.length === 0;
}

const input: GroupEstimateChartInput = {
  title: 'Refusals by nationality',
  description: 'Share refused in each group, with its 95% interval.',
  groups: [
    { label: 'German', suppressed: false, estimate: 0.32, ciLow: 0.28, ciHigh: 0.36, isReference: true },
    { label: 'Non-EU <&"x">', suppressed: false, estimate: 0.59, ciLow: 0.51, ciHigh: 0.66 },
    { label: 'Not stated', suppressed: true },
  ],
  unit: 'percent',
  locale: 'en',
  suppressedText: 'fewer than 5 people: not shown',
  referenceText: '(comparison group)',
  idPrefix: 'chart-2',
};

describe('group estimate chart', () => {
  test('when groups are drawn, then the SVG is standalone, well formed, accessible and carries no inline style', () => {
    const svg = groupEstimateChart(input);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(balanced(svg)).toBe(true);
    expect(svg).toContain('role="img" aria-labelledby="chart-2-title chart-2-desc"');
    expect(svg).toContain('<title id="chart-2-title">Refusals by nationality</title>');
    expect(svg).not.toMatch(/\sstyle=/);
  });

  test('when a label holds markup characters, then they are escaped', () => {
    const svg = groupEstimateChart(input);
    expect(svg).toContain('Non-EU &lt;&amp;&quot;x&quot;&gt;');
    expect(svg).not.toContain('<&"x">');
  });

  test('when a group is suppressed, then its row says so and holds no number or mark', () => {
    const svg = groupEstimateChart(input);
    expect(svg).toContain('>fewer than 5 people: not shown</text>');
    expect((svg.match(/<circle/g) ?? []).length).toBe(2);
    expect(svg).toContain('<title>German: 32%</title>');
    expect(svg).toContain('<title>Non-EU &lt;&amp;&quot;x&quot;&gt;: 59%</title>');
  });

  test('when the locale is German, then numbers are written the German way', () => {
    const svg = groupEstimateChart({ ...input, unit: 'number', locale: 'de', groups: [{ label: 'A', suppressed: false, estimate: 87.17, ciLow: 86.2, ciHigh: 88.1, isReference: true }] });
    expect(svg).toContain('A: 87,17');
  });

  test('when a label is longer than the chart is wide, then it wraps onto lines that fit instead of being cut', () => {
    expect(wrapLabel('Verheiratet oder eingetragene Partnerschaft', 20)).toEqual(['Verheiratet oder', 'eingetragene', 'Partnerschaft']);
    const svg = groupEstimateChart({ ...input, groups: [{ label: 'Verheiratet oder eingetragene Partnerschaft mit gemeinsamem Haushalt', suppressed: false, estimate: 0.4, ciLow: 0.3, ciHigh: 0.5, isReference: true }] });
    const lines = [...svg.matchAll(/<text x="14" [^>]*>([^<]*)</g)].map((match) => match[1]);
    expect(lines).toEqual(['Verheiratet oder eingetragene Partnerschaft', 'mit gemeinsamem Haushalt ']);
    expect(svg).toContain('Haushalt <tspan font-size="12" font-weight="normal" fill="#505a5f">(comparison group)</tspan>');
  });

  test.each([
    [0.28, 0.66, [0.2, 0.3, 0.4, 0.5, 0.6, 0.7]],
    [86.2, 92.8, [86, 88, 90, 92, 94]],
    [5, 5, [4.4, 4.6, 4.8, 5, 5.2, 5.4, 5.6]],
  ])('when values span %p to %p, then the ticks are round and cover them', (low, high, expected) => {
    expect(niceTicks(low, high)).toEqual(expected);
  });
});

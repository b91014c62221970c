/**
 * One comparison's groups as chart input, shared by the findings page and the collective pack so
 * both draw the same chart: a suppressed group (under k) keeps only its label, never a number.
 */
import type { Comparison } from '../campaign-analyses-types';
import type { ChartGroup } from './group-estimate-chart';

export function comparisonChartGroups(comparison: Comparison, label: (level: string) => string): ChartGroup[] {
  return comparison.groups.map((group) => group.suppressed
    ? { label: label(group.level), suppressed: true }
    : { label: label(group.level), suppressed: false, estimate: group.estimate, ciLow: group.ciLow, ciHigh: group.ciHigh, isReference: group.level === comparison.reference });
}

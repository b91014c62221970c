/**
 * The terms of a model from its predictors as R's formulas write them: `age` a main effect,
 * `race:sex` the interaction alone, `race*sex` both main effects and their interaction
 * (`a*b*c`: a, b, c, a:b, a:c, b:c, a:b:c). As R's `terms()`, main effects come first, then
 * two-way interactions and so on, each degree in the order written; within a term the columns
 * keep the order in which the columns first appear (`b + a + a:b` has the term `b:a`), and a term
 * given twice counts once; a predictor that is itself a column's name is that column. A small
 * parser over names: never `eval`.
 */
import { AnalysisError } from './analysis-error';

export interface ModelTerms {
  /** Every column used, in order of first appearance. */
  columns: string[];
  /** Each term as its columns (indices into `columns`, ascending), by degree. */
  terms: number[][];
}

function splitItem(item: string): { columns: string[]; crossed: boolean } {
  const hasStar = item.includes('*');
  const hasColon = item.includes(':');
  if (hasStar && hasColon) throw new AnalysisError(`Cannot read the predictor "${item}": use either * (main effects and interaction) or : (the interaction alone), or list the terms separately.`);
  const columns = item.split(hasStar ? '*' : ':').map((part) => part.trim());
  const empty = columns.findIndex((column) => column === '');
  if (empty >= 0) throw new AnalysisError(`Cannot read the predictor "${item}": a column name is missing ${empty === 0 ? 'before' : 'after'} "${hasStar ? '*' : ':'}".`);
  if (new Set(columns).size !== columns.length) throw new AnalysisError(`The predictor "${item}" names a column twice.`);
  return { columns, crossed: hasStar };
}

/** All non-empty subsets of `members`, by size, each in the order of `members` (R's expansion of a*b*c). */
function crossings(members: number[]): number[][] {
  const subsets: number[][] = [];
  for (let mask = 1; mask < 1 << members.length; mask += 1) subsets.push(members.filter((_member, index) => (mask >> index) & 1));
  return subsets.sort((first, second) => first.length - second.length);
}

/**
 * @throws AnalysisError naming a predictor that mixes * and :, misses a column name around an
 *   operator, or names a column twice in one term.
 * @example
 *   modelTerms(['race*sex', 'priors']); // { columns: ['race', 'sex', 'priors'], terms: [[0], [1], [2], [0, 1]] }
 */
export function modelTerms(predictors: readonly string[], isColumn: (name: string) => boolean = () => false): ModelTerms {
  const columns: string[] = [];
  const indexOf = (column: string) => {
    let index = columns.indexOf(column);
    if (index < 0) index = columns.push(column) - 1;
    return index;
  };
  const written: number[][] = [];
  for (const item of predictors) {
    // A column whose own name holds * or : stays that column.
    const { columns: names, crossed } = isColumn(item) ? { columns: [item], crossed: false } : splitItem(item);
    const members = names.map(indexOf);
    written.push(...(crossed ? crossings(members) : [members]));
  }
  const seen = new Set<string>();
  const terms: number[][] = [];
  for (const term of written) {
    const sorted = [...term].sort((first, second) => first - second);
    const key = sorted.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push(sorted);
  }
  // A stable sort by degree: R puts main effects first, whatever order they are written in.
  terms.sort((first, second) => first.length - second.length);
  return { columns, terms };
}

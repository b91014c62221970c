/**
 * A condition on one column, `COLUMN OP VALUE`, for `--where` filters and for a binary outcome
 * given as a condition (`--outcome 'score_text != Low'`). A small hand-written parser, never
 * `eval`: the text can only name a column, one of the operators below and values.
 *
 * - `=` (or `==`), `!=`: equal or not; numerically when both sides are numbers (`1.0 = 1`), else
 *   as text after trimming (case matters, as in R).
 * - `<`, `<=`, `>`, `>=`: numbers only; the value must be a number and so must the cell.
 * - `in (a, b, …)`, `not in (a, b, …)`: equal to one of the values (or to none).
 * A column name or value with spaces or operator characters is quoted with "…" or `…`.
 * A missing cell (empty or NA) makes the condition missing, as R's comparisons give NA: a filter
 * drops the row (as `subset`), a derived outcome is missing (the row is dropped and counted).
 */
import { AnalysisError } from './analysis-error';
import { isMissing, levelOf, numberOf } from './cells';
import type { Cell } from './types';

export type ConditionOperator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not in';

export interface RowCondition {
  /** The text as given, e.g. `score_text != Low`. */
  text: string;
  column: string;
  operator: ConditionOperator;
  values: string[];
  /** True, false, or undefined when the cell is missing. `row` (1-based) names the row in errors. */
  test(cell: Cell | undefined, row: number): boolean | undefined;
}

const OPERATOR_CHARACTERS = '=!<>';

class Scanner {
  position = 0;

  constructor(readonly text: string) {}

  skipSpaces(): void {
    while (this.position < this.text.length && /\s/.test(this.text[this.position])) this.position += 1;
  }

  atEnd(): boolean {
    this.skipSpaces();
    return this.position >= this.text.length;
  }

  fail(problem: string): never {
    throw new AnalysisError(`Cannot read the condition "${this.text}": ${problem} (at character ${this.position + 1}). Write COLUMN OP VALUE with OP one of =, !=, <, <=, >, >=, in (a, b).`);
  }

  /** A quoted name or value, or bare text up to one of `stops`. */
  word(stops: (character: string) => boolean, what: string): string {
    this.skipSpaces();
    const quote = this.text[this.position];
    if (quote === '"' || quote === '`' || quote === "'") {
      const end = this.text.indexOf(quote, this.position + 1);
      if (end < 0) this.fail(`the quote ${quote} that opens ${what} is never closed`);
      const word = this.text.slice(this.position + 1, end);
      this.position = end + 1;
      return word;
    }
    const start = this.position;
    while (this.position < this.text.length && !stops(this.text[this.position])) this.position += 1;
    const word = this.text.slice(start, this.position).trim();
    if (word === '') this.fail(`${what} is missing`);
    return word;
  }

  operator(): ConditionOperator {
    this.skipSpaces();
    const rest = this.text.slice(this.position);
    for (const symbol of ['!=', '<=', '>=', '==', '=', '<', '>'] as const) {
      if (rest.startsWith(symbol)) {
        this.position += symbol.length;
        return symbol === '==' ? '=' : symbol;
      }
    }
    const word = /^(not\s+in|in)(?=[\s(])/i.exec(rest);
    if (word) {
      this.position += word[0].length;
      return /^not/i.test(word[1]) ? 'not in' : 'in';
    }
    const token = /^\S+/.exec(rest)?.[0];
    return this.fail(token ? `"${token}" is not an operator` : 'the operator is missing');
  }
}

/**
 * Reads `COLUMN OP VALUE`.
 * @throws AnalysisError naming the token that cannot be read, or a value that is not a number
 *   where the operator needs one.
 * @example
 *   parseCondition('score_text != Low').test('High', 1); // true
 *   parseCondition('race in (Black, Hispanic)').test('Other', 1); // false
 */
export function parseCondition(text: string): RowCondition {
  const scanner = new Scanner(text);
  const column = scanner.word((character) => /\s/.test(character) || OPERATOR_CHARACTERS.includes(character), 'the column name');
  const operatorStart = (scanner.skipSpaces(), scanner.position);
  const operator = scanner.operator();
  scanner.skipSpaces();
  // `age => 25` must not read as "age equals '> 25'": a value never starts with an operator character.
  const next = text[scanner.position];
  if (next !== undefined && OPERATOR_CHARACTERS.includes(next)) {
    const token = /^[=!<>\s]+/.exec(text.slice(operatorStart))![0].replace(/\s/g, '');
    scanner.position = operatorStart;
    scanner.fail(`"${token}" is not an operator`);
  }
  let values: string[];
  if (operator === 'in' || operator === 'not in') {
    scanner.skipSpaces();
    if (text[scanner.position] !== '(') scanner.fail(`"${operator}" needs a list in parentheses, e.g. ${column} ${operator} (a, b)`);
    scanner.position += 1;
    values = [];
    for (;;) {
      values.push(scanner.word((character) => character === ',' || character === ')', 'a value in the list'));
      scanner.skipSpaces();
      const next = text[scanner.position];
      scanner.position += 1;
      if (next === ')') break;
      if (next !== ',') scanner.fail(next === undefined ? 'the list is not closed with ")"' : `expected "," or ")" but found "${next}"`);
    }
  } else {
    values = [scanner.word(() => false, `the value after "${operator}"`)];
    // A quoted value must be the end; bare values run to the end and are trimmed.
  }
  if (!scanner.atEnd()) scanner.fail(`"${text.slice(scanner.position).trim()}" follows the condition`);
  const numbers = values.map((value) => numberOf(value));
  const ordering = operator === '<' || operator === '<=' || operator === '>' || operator === '>=';
  if (ordering && !Number.isFinite(numbers[0])) {
    throw new AnalysisError(`In the condition "${text}", "${operator}" compares numbers, but "${values[0]}" is not a number.`);
  }
  return { text: text.trim(), column, operator, values, test: tester(text.trim(), column, operator, values, numbers) };
}

function tester(text: string, column: string, operator: ConditionOperator, values: string[], numbers: number[]): RowCondition['test'] {
  const equalsAny = (cell: Cell): boolean => {
    const number = numberOf(cell);
    const level = levelOf(cell).trim();
    return values.some((value, index) => (Number.isFinite(numbers[index]) && Number.isFinite(number) ? number === numbers[index] : level === value));
  };
  const bound = numbers[0];
  return (cell, row) => {
    if (isMissing(cell)) return undefined;
    switch (operator) {
      case '=':
      case 'in':
        return equalsAny(cell!);
      case '!=':
      case 'not in':
        return !equalsAny(cell!);
      default: {
        const number = numberOf(cell!);
        if (!Number.isFinite(number)) throw new AnalysisError(`The condition "${text}" compares numbers, but column "${column}" holds "${levelOf(cell!)}" in data row ${row}.`);
        if (operator === '<') return number < bound;
        if (operator === '<=') return number <= bound;
        if (operator === '>') return number > bound;
        return number >= bound;
      }
    }
  };
}

/** Whether text looks like a condition rather than a column name (it has an operator). */
export function looksLikeCondition(text: string): boolean {
  return /[=<>]|\s(not\s+)?in\s*\(/i.test(text);
}

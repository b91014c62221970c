/**
 * Reads a table once and prepares it for model fitting without keeping it in memory.
 *
 * The one parse pass learns each column's kind (numeric when every non-missing cell is a number,
 * else categorical) and levels, drops rows with a missing value in any column used (as R's
 * `na.omit`), and writes the used cells to a temporary binary file. Fitting then streams that
 * file as often as it needs (a pass for OLS, one per IRLS iteration, one for HC3) at disk speed
 * instead of re-parsing text. Memory is O(columns × levels), never O(rows): the used cells stay in
 * memory only while they take at most IN_MEMORY_BYTES (a campaign's comparisons: thousands of
 * rows, hundreds of frames), and go to the file beyond that, so that a small frame costs no
 * temporary directory, no system call and no disk.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AnalysisError } from './analysis-error';
import { compareLevels, isMissing, levelOf, numberOf } from './cells';
import { modelTerms } from './model-terms';
import type { Cell, ReferenceLevels, RowSource } from './types';

/** A categorical column with more levels than this is almost surely a mistake (an id, free text). */
const MAX_LEVELS = 1000;
const ROWS_PER_CHUNK = 4096;
/** The used cells are kept in memory up to this size (16 MB: 57,000 rows of 17 columns), then spilled to a temporary file. */
const IN_MEMORY_BYTES = 16 * 1024 * 1024;

export interface ModelSpec {
  outcome: string;
  /** Columns and interactions as R writes them: `age`, `race:sex`, `race*sex` (see model-terms.ts). */
  predictors: string[];
  reference?: ReferenceLevels;
  /** Columns to treat as categorical although their values are numbers (codes such as 1–4). */
  categorical?: string[];
  /**
   * The column whose value names each row's cluster (a donor): the frame then codes it, and
   * rows with a missing cluster are dropped like a missing predictor (R's `na.omit` before
   * `vcovCL`). It may be a predictor or any other column, never the outcome.
   */
  cluster?: string;
}

export interface Term {
  /** `(Intercept)`, `age`, `sex=female`, or for an interaction its parts joined by `:` (`race=Black:sex=Female`). */
  name: string;
  /** The column (for an interaction, its columns joined by `:`). */
  column: string;
  /** For a dummy: the level it marks. */
  level?: string;
  /** For an interaction: the parts whose product it is, each a column and, for a factor, its level. */
  parts?: Array<{ column: string; level?: string }>;
}

interface ColumnScan {
  name: string;
  allNumeric: boolean;
  levels: Map<string, number> | undefined;
  /** The first cell that is not a number, to name it in errors. */
  firstText?: string;
}

export interface ModelFrame {
  outcome: string;
  /** Rows used (after dropping those with missing values). */
  n: number;
  dropped: number;
  terms: Term[];
  /** Each categorical predictor's levels (sorted) and its reference level. */
  factors: Map<string, { levels: string[]; reference: string }>;
  /** The outcome's column kind, checked by the model. */
  outcomeNumeric: boolean;
  /** The outcome's first cell that is not a number (when `outcomeNumeric` is false), for errors. */
  outcomeText?: string;
  /** With `spec.cluster`: the column and its number of distinct values (clusters) in the rows used. */
  clusters?: { column: string; count: number };
  /**
   * Calls `visit(x, y, cluster, nonzero, nonzeroCount)` for every used row; `x` is reused between
   * calls and must not be written to. `cluster` is the row's cluster code, 0 … clusters.count − 1
   * (−1 without `spec.cluster`). `nonzero` (reused) lists, ascending in its first `nonzeroCount`
   * entries, the columns where x is not 0 — the intercept, the numbers that are not 0 and at most
   * one column per factor or interaction term — so that a fit can touch only those (a row of a
   * design with a hundred dummies has a handful of non-zero entries).
   */
  forEachRow(visit: (x: Float64Array, y: number, cluster: number, nonzero: Int32Array, nonzeroCount: number) => void): void;
  close(): void;
}

export interface FrameOptions {
  onProgress?: (rowsRead: number) => void;
  /** How many bytes of used cells stay in memory before the frame spills them to a temporary file (default 16 MB; 0: always a file). */
  inMemoryBytes?: number;
}

export async function buildModelFrame(source: RowSource, spec: ModelSpec, options: FrameOptions = {}): Promise<ModelFrame> {
  if (spec.predictors.length === 0) throw new AnalysisError('Give at least one predictor.');
  const available = new Set(await source.columns());
  const structure = modelTerms(spec.predictors, (name) => available.has(name));
  const columns = [spec.outcome, ...structure.columns];
  for (const column of columns) {
    if (!available.has(column)) throw new AnalysisError(`Unknown column "${column}". Columns are: ${[...available].join(', ')}.`);
  }
  if (structure.columns.includes(spec.outcome)) throw new AnalysisError(`The outcome "${spec.outcome}" is also among the predictors.`);
  if (spec.cluster !== undefined) {
    if (!available.has(spec.cluster)) throw new AnalysisError(`Unknown cluster column "${spec.cluster}". Columns are: ${[...available].join(', ')}.`);
    if (spec.cluster === spec.outcome) throw new AnalysisError(`The cluster column "${spec.cluster}" is the outcome; give the column that names each row's donor.`);
  }
  // Cluster codes are not capped like factor levels: there may be as many clusters as donors.
  const clusterCodes = spec.cluster === undefined ? undefined : new Map<string, number>();

  // The outcome is never a factor, so it collects no levels.
  const scans: ColumnScan[] = columns.map((name, index) => ({ name, allNumeric: true, levels: index === 0 ? undefined : new Map() }));
  // Per column: the number (or NaN) and the level code (or -1); then, when clustered, the cluster code
  // (no extra cell otherwise, so an unclustered fit streams no more bytes than before).
  const width = columns.length * 2 + (clusterCodes ? 1 : 0);
  const store = new RowStore(width, options.inMemoryBytes ?? IN_MEMORY_BYTES);
  let n = 0;
  let dropped = 0;
  let read = 0;
  try {
    let chunk: Float64Array = new Float64Array(ROWS_PER_CHUNK * width);
    let inChunk = 0;
    const flush = () => {
      if (inChunk > 0) chunk = store.append(chunk, inChunk);
      inChunk = 0;
    };
    const columnCount = columns.length;
    const addRow = (cellAt: (index: number) => Cell | undefined, clusterCell: Cell | undefined) => {
      read += 1;
      if (read % 100_000 === 0) options.onProgress?.(read);
      const offset = inChunk * width;
      if (clusterCodes && isMissing(clusterCell)) {
        dropped += 1;
        return;
      }
      for (let index = 0; index < columnCount; index += 1) {
        const cell = cellAt(index);
        if (isMissing(cell)) {
          dropped += 1;
          return;
        }
        const scan = scans[index];
        // Once a column has shown text it is categorical: parsing its cells as numbers is wasted work.
        const value = scan.allNumeric ? numberOf(cell!) : Number.NaN;
        if (scan.allNumeric && !Number.isFinite(value)) {
          scan.allNumeric = false;
          scan.firstText = levelOf(cell!).trim();
        }
        chunk[offset + index * 2] = value;
        chunk[offset + index * 2 + 1] = scan.levels ? levelCode(scan, cell!) : -1;
      }
      // Coded only once the row is known complete, so every cluster counted has a row used.
      if (clusterCodes) chunk[offset + width - 1] = clusterCode(clusterCodes, clusterCell!);
      inChunk += 1;
      n += 1;
      if (inChunk === ROWS_PER_CHUNK) flush();
    };
    if (source.columnBlocks) {
      // Fastest path: only these columns, no array per row.
      // The cluster column, when asked for, is read as one more block after the model's columns.
      const blockColumns = spec.cluster === undefined ? columns : [...columns, spec.cluster];
      for await (const block of source.columnBlocks(blockColumns)) {
        const blockCells = block.cells;
        const clusterCells = spec.cluster === undefined ? undefined : blockCells[columnCount];
        let row = 0;
        const cellAt = (index: number) => blockCells[index][row];
        for (; row < block.rows; row += 1) addRow(cellAt, clusterCells?.[row]);
      }
    } else if (source.batches) {
      // Fast path: cells by position, no object per row.
      for await (const batch of source.batches()) {
        const positions = columns.map((column) => batch.columns.indexOf(column));
        const clusterPosition = spec.cluster === undefined ? -1 : batch.columns.indexOf(spec.cluster);
        for (const cells of batch.cells) addRow((index) => cells[positions[index]], clusterPosition < 0 ? undefined : cells[clusterPosition]);
      }
    } else {
      const clusterColumn = spec.cluster;
      for await (const row of source.rows()) addRow((index) => row[columns[index]], clusterColumn === undefined ? undefined : row[clusterColumn]);
    }
    flush();
    options.onProgress?.(read);
  } catch (error) {
    store.close();
    throw error;
  }

  const cleanUp = () => store.close();
  try {
    if (n === 0) throw new AnalysisError(read === 0 ? 'The selection is empty: no rows to analyse.' : `No row is complete: all ${read} rows miss a value in ${columns.join(', ')}.`);
    const layout = designLayout(scans, spec, structure.terms);
    const clusters = spec.cluster === undefined ? undefined : { column: spec.cluster, count: clusterCodes!.size };
    return frameOver(spec.outcome, store, width, n, dropped, layout, scans[0], clusters, cleanUp);
  } catch (error) {
    cleanUp();
    throw error;
  }
}

/**
 * The used cells, chunk by chunk: in memory while they take at most `inMemoryBytes`, else in a
 * temporary file (mode 0600, removed by `close`), which then receives the chunks kept so far.
 */
class RowStore {
  private readonly chunks: Array<{ cells: Float64Array; rows: number }> = [];
  private bytesInMemory = 0;
  private directory: string | undefined;
  private descriptor: number | undefined;

  constructor(
    private readonly width: number,
    private readonly inMemoryBytes: number,
  ) {}

  /** Takes the first `rows` rows of `chunk`; returns the array to fill next (a new one when `chunk` is kept). */
  append(chunk: Float64Array, rows: number): Float64Array {
    const bytes = rows * this.width * 8;
    if (this.descriptor === undefined && this.bytesInMemory + bytes <= this.inMemoryBytes) {
      this.bytesInMemory += bytes;
      // A part-filled chunk (the last one) is kept as a copy of its rows, so a small frame holds no more than its rows.
      if (rows * this.width < chunk.length) {
        this.chunks.push({ cells: chunk.slice(0, rows * this.width), rows });
        return chunk;
      }
      this.chunks.push({ cells: chunk, rows });
      return new Float64Array(chunk.length);
    }
    if (this.descriptor === undefined) {
      this.directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-frame-'));
      this.descriptor = fs.openSync(path.join(this.directory, 'rows.f64'), 'w+', 0o600);
      for (const kept of this.chunks) fs.writeSync(this.descriptor, new Uint8Array(kept.cells.buffer, 0, kept.rows * this.width * 8));
      this.chunks.length = 0;
      this.bytesInMemory = 0;
    }
    fs.writeSync(this.descriptor, new Uint8Array(chunk.buffer, 0, bytes));
    return chunk;
  }

  /** Calls `visit(cells, rows)` for each chunk in order; `cells` is reused between calls when read from the file. */
  forEachChunk(visit: (cells: Float64Array, rows: number) => void): void {
    if (this.descriptor === undefined) {
      for (const { cells, rows } of this.chunks) visit(cells, rows);
      return;
    }
    const chunk = new Float64Array(ROWS_PER_CHUNK * this.width);
    const bytes = new Uint8Array(chunk.buffer);
    let position = 0;
    for (;;) {
      const bytesRead = fs.readSync(this.descriptor, bytes, 0, bytes.length, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      visit(chunk, bytesRead / (this.width * 8));
    }
  }

  close(): void {
    this.chunks.length = 0;
    if (this.descriptor !== undefined) fs.closeSync(this.descriptor);
    if (this.directory !== undefined) fs.rmSync(this.directory, { recursive: true, force: true });
    this.descriptor = undefined;
    this.directory = undefined;
  }
}

function clusterCode(codes: Map<string, number>, cell: Cell): number {
  const name = typeof cell === 'string' ? cell.trim() : levelOf(cell);
  let code = codes.get(name);
  if (code === undefined) {
    code = codes.size;
    codes.set(name, code);
  }
  return code;
}

/** The level's code in the column's level table; a numeric column stops collecting after MAX_LEVELS. */
function levelCode(scan: ColumnScan, cell: Cell): number {
  const levels = scan.levels!;
  const level = typeof cell === 'string' ? cell.trim() : levelOf(cell);
  let code = levels.get(level);
  if (code === undefined) {
    code = levels.size;
    levels.set(level, code);
    // A numeric column stops collecting levels; a text column with this many is refused later.
    if (levels.size > MAX_LEVELS && scan.allNumeric) scan.levels = undefined;
  }
  return code;
}

/** One factor or number in a model term: where its design columns start and how it is coded. */
type Component =
  | { kind: 'numeric'; cell: number }
  | { kind: 'factor'; cell: number; positionByCode: Int32Array; size: number; levels: string[] };

interface Layout {
  terms: Term[];
  factors: Map<string, { levels: string[]; reference: string }>;
  /** Per model term: its first design column and components; a row sets at most one of its columns. */
  encoders: Array<{ base: number; components: Component[]; strides: number[] }>;
}

interface ScannedFactor {
  levels: string[];
  reference: string;
  codes: Map<string, number>;
}

function factorOf(scan: ColumnScan, spec: ModelSpec): ScannedFactor | undefined {
  if (scan.allNumeric && !spec.categorical?.includes(scan.name)) return undefined;
  if (!scan.levels) throw new AnalysisError(`Column "${scan.name}" has more than ${MAX_LEVELS} different values; it cannot be a categorical predictor.`);
  const levels = [...scan.levels.keys()].sort(compareLevels);
  if (levels.length < 2) throw new AnalysisError(`Column "${scan.name}" has only one level ("${levels[0]}") in the rows used; it cannot explain anything. Remove it.`);
  const reference = spec.reference?.[scan.name] ?? levels[0];
  if (!levels.includes(reference)) {
    throw new AnalysisError(`Unknown reference level "${reference}" for column "${scan.name}". Its levels are: ${levels.join(', ')}.`);
  }
  return { levels, reference, codes: scan.levels };
}

/**
 * The design matrix's columns, as R's `model.matrix`: a number enters as itself; a factor by
 * treatment contrasts (a dummy per level but the reference) when the term without it is in the
 * model (the intercept for a main effect, `sex` for `race:sex` after `sex`), else by a dummy for
 * every level (R's rule, Chambers & Hastie 1992, §2.4.1). An interaction's columns are the
 * products of its parts' columns, the first part varying fastest.
 */
function designLayout(scans: ColumnScan[], spec: ModelSpec, modelTermList: number[][]): Layout {
  const terms: Term[] = [{ name: '(Intercept)', column: '(Intercept)' }];
  const factors: Layout['factors'] = new Map();
  const scanned = scans.slice(1).map((scan) => factorOf(scan, spec));
  scanned.forEach((factor, index) => {
    if (factor) factors.set(scans[index + 1].name, { levels: factor.levels, reference: factor.reference });
  });
  const present = new Set<string>(['']);
  const encoders: Layout['encoders'] = [];
  for (const modelTerm of modelTermList) {
    const components: Component[] = modelTerm.map((column) => {
      const cell = (column + 1) * 2;
      const factor = scanned[column];
      if (!factor) return { kind: 'numeric', cell };
      const margin = modelTerm.filter((other) => other !== column).join(',');
      const levels = present.has(margin) ? factor.levels.filter((level) => level !== factor.reference) : factor.levels;
      const positionByCode = new Int32Array(factor.codes.size).fill(-1);
      levels.forEach((level, position) => {
        positionByCode[factor.codes.get(level)!] = position;
      });
      return { kind: 'factor', cell, positionByCode, size: levels.length, levels };
    });
    present.add(modelTerm.join(','));
    const strides: number[] = [];
    let count = 1;
    for (const component of components) {
      strides.push(count);
      count *= component.kind === 'factor' ? component.size : 1;
    }
    encoders.push({ base: terms.length, components, strides });
    for (let index = 0; index < count; index += 1) {
      const parts = modelTerm.map((column, part) => {
        const component = components[part];
        const name = scans[column + 1].name;
        return component.kind === 'factor' ? { column: name, level: component.levels[Math.floor(index / strides[part]) % component.size] } : { column: name };
      });
      const name = parts.map((part) => (part.level === undefined ? part.column : `${part.column}=${part.level}`)).join(':');
      if (parts.length === 1) terms.push({ name, column: parts[0].column, ...(parts[0].level !== undefined ? { level: parts[0].level } : {}) });
      else terms.push({ name, column: parts.map((part) => part.column).join(':'), parts });
    }
  }
  return { terms, encoders, factors };
}

/**
 * The design as flat typed arrays, so the per-row loop reads numbers, not objects of two shapes:
 * main effects (most terms) set one column straight from a cell, in the order of their columns
 * (so a row's non-zero columns come out ascending); interactions, after them, multiply parts.
 */
interface CompiledDesign {
  /** Per main effect: its (first) design column, its cell (a number, or a factor's level code), and 1 for a factor. */
  mainColumns: Int32Array;
  mainCells: Int32Array;
  mainIsFactor: Uint8Array;
  /** Per main effect: a factor's design position by level code (−1: the reference); empty for a number. */
  mainPositions: Int32Array[];
  interactions: Array<{ base: number; cells: Int32Array; strides: Int32Array; positions: Array<Int32Array | undefined> }>;
}

function compileDesign(encoders: Layout['encoders']): CompiledDesign {
  const main: Array<[number, number, Int32Array | undefined]> = [];
  const interactions: CompiledDesign['interactions'] = [];
  for (const { base, components, strides } of encoders) {
    if (components.length === 1) {
      const component = components[0];
      if (component.kind === 'numeric') main.push([base, component.cell, undefined]);
      else main.push([base, component.cell + 1, component.positionByCode]);
      continue;
    }
    interactions.push({
      base,
      // A number's value, or a factor's level code (the cell after it).
      cells: Int32Array.from(components, (component) => (component.kind === 'numeric' ? component.cell : component.cell + 1)),
      strides: Int32Array.from(strides),
      positions: components.map((component) => (component.kind === 'factor' ? component.positionByCode : undefined)),
    });
  }
  // Terms are in column order already (main effects before interactions, model-terms.ts); kept so.
  main.sort((first, second) => first[0] - second[0]);
  return {
    mainColumns: Int32Array.from(main, ([column]) => column),
    mainCells: Int32Array.from(main, ([, cell]) => cell),
    mainIsFactor: Uint8Array.from(main, ([, , positions]) => (positions ? 1 : 0)),
    mainPositions: main.map(([, , positions]) => positions ?? new Int32Array(0)),
    interactions,
  };
}

function frameOver(
  outcome: string,
  store: RowStore,
  width: number,
  n: number,
  dropped: number,
  layout: Layout,
  outcomeScan: ColumnScan,
  clusters: ModelFrame['clusters'],
  close: () => void,
): ModelFrame {
  const p = layout.terms.length;
  const clustered = clusters !== undefined;
  const { mainColumns, mainCells, mainIsFactor, mainPositions, interactions } = compileDesign(layout.encoders);
  const mainCount = mainColumns.length;
  const forEachRow = (visit: (x: Float64Array, y: number, cluster: number, nonzero: Int32Array, nonzeroCount: number) => void) => {
    const x = new Float64Array(p);
    // The intercept, one column per term at most.
    const nonzero = new Int32Array(1 + mainCount + interactions.length);
    let count = 0;
    store.forEachChunk((chunk, rows) => {
      for (let row = 0; row < rows; row += 1) {
        const offset = row * width;
        // Only the previous row's non-zero entries need clearing (x.fill(0) would touch all p).
        for (let index = 1; index < count; index += 1) x[nonzero[index]] = 0;
        x[0] = 1;
        nonzero[0] = 0;
        count = 1;
        for (let term = 0; term < mainCount; term += 1) {
          const cell = chunk[offset + mainCells[term]];
          if (mainIsFactor[term] === 1) {
            // `| 0`: a double as an index takes V8's slow generic lookup; codes are small integers.
            const level = mainPositions[term][cell | 0];
            if (level >= 0) {
              const column = mainColumns[term] + level;
              x[column] = 1;
              nonzero[count++] = column;
            }
          } else if (cell !== 0) {
            const column = mainColumns[term];
            x[column] = cell;
            nonzero[count++] = column;
          }
        }
        for (const { base, cells, strides, positions } of interactions) {
          let column = base;
          let value = 1;
          for (let part = 0; part < cells.length; part += 1) {
            const cell = chunk[offset + cells[part]];
            const levels = positions[part];
            if (levels === undefined) value *= cell;
            else {
              const level = levels[cell | 0];
              if (level < 0) {
                value = 0;
                break;
              }
              column += level * strides[part];
            }
          }
          if (value !== 0) {
            x[column] = value;
            nonzero[count++] = column;
          }
        }
        visit(x, chunk[offset], clustered ? chunk[offset + width - 1] : -1, nonzero, count);
      }
    });
  };
  return {
    outcome,
    n,
    dropped,
    terms: layout.terms,
    factors: layout.factors,
    outcomeNumeric: outcomeScan.allNumeric,
    ...(clusters ? { clusters } : {}),
    ...(outcomeScan.firstText !== undefined ? { outcomeText: outcomeScan.firstText } : {}),
    forEachRow,
    close,
  };
}

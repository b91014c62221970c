#!/usr/bin/env node
/**
 * Bulk import against papaparse alone, in one run (DESIGN.md "Performance": importing 1,000,000
 * records takes at most 2.5 × the time papaparse alone takes to parse the file).
 *
 * Writes a synthetic platform-decisions survey (the seed-demo generator, one respondent per row)
 * to bench/out/ once, then times, alternately and each in a fresh child process:
 *   - papaparse: the file streamed through iconv-lite and papaparse exactly as the import streams
 *     it (`streamCsvRows`), doing nothing with the rows;
 *   - import: `crowdaudit import` (`runImport`) into a new database file, with its default of one
 *     reading thread per core (at most 4), or `--threads N`.
 * Prints the median of each, the ratio (goal ≤ 2.5) and each one's peak memory (maxRSS). The
 * import uses every core and papaparse one, so the cores are printed with the ratio; with
 * `--threads 1` the ratio is the single-threaded one.
 * Usage: npm run build && node bench/import-vs-papaparse.js [--rows 1000000] [--runs 3] [--threads N] [--dist dist]
 */
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { argument } = require('./lib/arguments');
const rows = argument('rows', 1_000_000);
const runs = argument('runs', 3);
const threads = argument('threads', '');
const root = path.resolve(__dirname, '..');
const dist = path.resolve(root, argument('dist', 'dist'));
const out = path.join(root, 'bench', 'out');
const file = path.join(out, `platform-decisions-${rows}.csv`);

// Each child prints {seconds, maxRssMb, records}; time is taken after the modules are loaded.
const CHILD = `
const [mode, dist, file, database, threads] = process.argv.slice(1);
const { performance } = require('node:perf_hooks');
const report = (started, records) => process.stdout.write(JSON.stringify({
  seconds: (performance.now() - started) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, records }));
if (mode === 'papaparse') {
  const { streamCsvRows } = require(dist + '/src/import/stream-csv-rows.js');
  const started = performance.now();
  let records = -1;
  streamCsvRows({ file, encoding: 'utf-8', delimiter: ',', onChunk: (chunk) => { records += chunk.rows.length; } })
    .then(() => report(started, records));
} else {
  const { runImport } = require(dist + '/src/cli/import-command.js');
  require(dist + '/src/import/import-survey.js');
  require(dist + '/src/storage/open-database.js');
  const started = performance.now();
  runImport(file, { db: database, campaign: 'platform-decisions', threads: threads ? Number(threads) : undefined })
    .then((message) => report(started, Number(/Imported ([\\d,]+)/.exec(message)[1].replace(/,/g, ''))));
}`;

function runChild(mode, database) {
  const output = execFileSync(process.execPath, ['-e', CHILD, mode, dist, file, database ?? '', threads], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(output);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function main() {
  if (!fs.existsSync(path.join(dist, 'src/import/import-survey.js'))) throw new Error(`No build in ${dist}: run npm run build first.`);
  fs.mkdirSync(out, { recursive: true });
  if (!fs.existsSync(file)) {
    process.stderr.write(`Writing ${rows.toLocaleString('en-US')} records to ${path.relative(root, file)} …\n`);
    const { loadCampaigns } = require(path.join(dist, 'src/campaigns/load-campaigns.js'));
    const { writeSyntheticSurveyCsv } = require(path.join(dist, 'src/import/synthetic-survey-csv.js'));
    writeSyntheticSurveyCsv(loadCampaigns().get('platform-decisions'), file, { rows, seed: 2026 });
  }
  const results = { papaparse: [], import: [] };
  for (let run = 0; run < runs; run += 1) {
    results.papaparse.push(runChild('papaparse'));
    const database = path.join(out, `import-bench-${process.pid}.sqlite`);
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(database + suffix, { force: true });
    const imported = runChild('import', database);
    if (imported.records !== rows) throw new Error(`import stored ${imported.records} records, expected ${rows}`);
    results.import.push(imported);
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(database + suffix, { force: true });
    process.stderr.write(`run ${run + 1}/${runs}: papaparse ${results.papaparse[run].seconds.toFixed(2)} s, import ${imported.seconds.toFixed(2)} s\n`);
  }
  const parse = median(results.papaparse.map((result) => result.seconds));
  const imported = median(results.import.map((result) => result.seconds));
  const megabytes = (fs.statSync(file).size / 1e6).toFixed(0);
  console.log(`File: ${rows.toLocaleString('en-US')} records, ${megabytes} MB (median of ${runs} runs)`);
  console.log(`papaparse alone  ${parse.toFixed(2)} s   peak RSS ${Math.max(...results.papaparse.map((r) => r.maxRssMb)).toFixed(0)} MB`);
  console.log(`crowdaudit import ${imported.toFixed(2)} s   peak RSS ${Math.max(...results.import.map((r) => r.maxRssMb)).toFixed(0)} MB   (${Math.round(rows / imported).toLocaleString('en-US')} records/s)`);
  const reading = threads ? `${threads} reading thread(s)` : 'default reading threads';
  console.log(`ratio ${(imported / parse).toFixed(2)} (goal ≤ 2.5; ${os.availableParallelism()} cores, ${reading})`);
}

main();

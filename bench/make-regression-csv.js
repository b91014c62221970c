#!/usr/bin/env node
// Writes a synthetic CSV for the regression benchmark: ROWS rows (default 1,000,000), 8 predictors
// (6 numeric, 2 categorical), a continuous outcome `y` and a 0/1 outcome `refused` from known models.
// Usage: node bench/make-regression-csv.js OUT.csv [ROWS]
const fs = require('node:fs');

const [file, rowsText] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/make-regression-csv.js OUT.csv [ROWS]');
  process.exit(2);
}
const rows = Number(rowsText ?? 1_000_000);
let state = 20261122;
const uniform = () => {
  state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
  return (state + 0.5) / 4294967296;
};
const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
const regions = ['north', 'south', 'east', 'west', 'centre'];
const segments = ['a', 'b', 'c'];

const out = fs.createWriteStream(file);
out.write('y,refused,x1,x2,x3,x4,x5,x6,region,segment\n');
let written = 0;
function writeSome() {
  let ok = true;
  while (written < rows && ok) {
    const x = Array.from({ length: 6 }, (_, index) => normal() * (index + 1) + index);
    const region = Math.floor(uniform() * regions.length);
    const segment = Math.floor(uniform() * segments.length);
    const linear = 1.5 + 0.8 * x[0] - 0.3 * x[1] + 0.1 * x[2] + 0.05 * x[3] - 0.02 * x[4] + 0.01 * x[5] + 0.4 * region - 0.7 * segment;
    const y = linear + normal() * 2;
    const refused = uniform() < 1 / (1 + Math.exp(-(linear - 3) / 3)) ? 1 : 0;
    ok = out.write(`${y.toFixed(4)},${refused},${x.map((value) => value.toFixed(4)).join(',')},${regions[region]},${segments[segment]}\n`);
    written += 1;
  }
  if (written < rows) out.once('drain', writeSome);
  else out.end();
}
writeSome();

#!/usr/bin/env node
// Writes a synthetic risk-score audit CSV for the auditor benchmark: ROWS rows (default
// 1,000,000) shaped like tests/fixtures/auditor/audit_sample.csv — race, sex, age, priors, a
// score, a decile score, a two-year outcome, days to an event (whole days, so ties) and the event.
// Usage: node bench/make-audit-csv.js OUT.csv [ROWS]
const fs = require('node:fs');

const [file, rowsText] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/make-audit-csv.js OUT.csv [ROWS]');
  process.exit(2);
}
const rows = Number(rowsText ?? 1_000_000);
let state = 20261202;
const uniform = () => {
  state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
  return (state + 0.5) / 4294967296;
};
const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
const races = ['African-American', 'Caucasian', 'Hispanic', 'Other'];
const raceShares = [0.45, 0.8, 0.92, 1];
const plogis = (value) => 1 / (1 + Math.exp(-value));
const poisson = (mean) => {
  let count = 0;
  let product = uniform();
  const limit = Math.exp(-mean);
  while (product > limit) {
    count += 1;
    product *= uniform();
  }
  return count;
};

const out = fs.createWriteStream(file);
out.write('race,sex,age,priors,decile_score,score_text,score,two_year_recid,days,event\n');
let written = 0;
function writeSome() {
  let ok = true;
  while (written < rows && ok) {
    const draw = uniform();
    const race = raceShares.findIndex((share) => draw < share);
    const male = uniform() < 0.8 ? 1 : 0;
    const age = Math.round(18 + uniform() * 52);
    const priors = poisson(race === 0 ? 3.5 : 2.5);
    const linear = -0.6 + 0.12 * priors - 0.035 * (age - 35) + 0.25 * (race === 0) + 0.3 * male;
    const recid = uniform() < plogis(linear) ? 1 : 0;
    const score = plogis(linear + 0.45 * (race === 0) + 0.6 * normal());
    const decile = Math.min(10, Math.max(1, Math.ceil(score * 10)));
    const hazard = 0.0012 * Math.exp(0.4 * (race === 0) + 0.08 * priors - 0.02 * (age - 35));
    const eventTime = -Math.log(uniform()) / hazard;
    const censorTime = Math.min(730, 200 + uniform() * 1200);
    const days = Math.max(1, Math.ceil(Math.min(eventTime, censorTime)));
    const event = eventTime <= censorTime ? 1 : 0;
    const text = decile <= 4 ? 'Low' : decile <= 7 ? 'Medium' : 'High';
    ok = out.write(`${races[race]},${male ? 'Male' : 'Female'},${age},${priors},${decile},${text},${score.toFixed(4)},${recid},${days},${event}\n`);
    written += 1;
  }
  if (written < rows) out.once('drain', writeSome);
  else out.end();
}
writeSome();

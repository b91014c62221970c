#!/usr/bin/env node
/**
 * Writes credit-scores.csv (the adult population of Germany by age band and by sex) from a GENESIS
 * "flat CSV" export of Destatis table 12411-0013 (Bevölkerung: Bundesländer, Stichtag, Geschlecht,
 * Altersjahre): the single years of age of both sexes summed over the 16 Länder into the
 * dictionary's age bands, and the men and women of 18 and over. The export used is the one
 * committed in github.com/biostats-dev/ggsurveillance, data-raw/12411-0013_de_population_age_sex.csv
 * (commit ce6ff959aa03786522c074ede1228cc47561e1da, SHA-256 41ab124b…bec5be; Stichtag 2023-12-31).
 *
 * Run: node data-dictionary/margins/make-credit-scores-margins.js 12411-0013_de_population_age_sex.csv > data-dictionary/margins/credit-scores.csv
 */
'use strict';
const fs = require('node:fs');

const BANDS = [['18-24', 18, 24], ['25-34', 25, 34], ['35-44', 35, 44], ['45-54', 45, 54], ['55-64', 55, 64], ['65+', 65, Infinity]];
const SEXES = { weiblich: 'female', männlich: 'male' };

const text = fs.readFileSync(process.argv[2], 'utf8').replace(/^\uFEFF/, '');
const [header, ...lines] = text.split(/\r?\n/).filter((line) => line.length > 0);
const columns = header.split(';');
const at = (name) => {
  const index = columns.indexOf(name);
  if (index < 0) throw new Error(`The export has no column "${name}".`);
  return index;
};
const [dateAt, sexAt, ageAt, valueAt] = [at('time'), at('2_variable_attribute_label'), at('3_variable_attribute_code'), at('value')];
const totals = new Map();
const add = (column, level, count) => totals.set(`${column},${level}`, (totals.get(`${column},${level}`) ?? 0) + count);
const dates = new Set();
for (const line of lines) {
  const cells = line.split(';');
  dates.add(cells[dateAt]);
  const sex = SEXES[cells[sexAt]];
  const age = /^ALT(\d{3})/.exec(cells[ageAt]); // ALT018 …, ALT090UM = 90 and over; the age total has no code
  if (!sex || !age) continue;
  const years = Number(age[1]);
  const band = BANDS.find(([, low, high]) => years >= low && years <= high);
  if (!band) continue;
  const count = Number(cells[valueAt]);
  if (!Number.isInteger(count)) throw new Error(`Not a count: ${line}`);
  add('age_band', band[0], count);
  add('sex', sex, count);
}
if (dates.size !== 1) throw new Error(`Expected one reference date, found ${[...dates].join(', ')}.`);
const rows = [...BANDS.map(([band]) => ['age_band', band]), ['sex', 'female'], ['sex', 'male']];
process.stdout.write(['column,level,population', ...rows.map(([column, level]) => `${column},${level},${totals.get(`${column},${level}`)}`)].join('\n') + '\n');

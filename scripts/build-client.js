#!/usr/bin/env node
/**
 * Bundles the browser scripts into public/build/ (not committed; `npm run build` makes them).
 * The bundle imports the server's own CSV and validation code, so the preview in the browser
 * and the checks on the server cannot disagree. platform 'browser' refuses Node built-ins.
 */
'use strict';
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');

esbuild.buildSync({
  entryPoints: [path.join(root, 'src/client/donate-csv.ts')],
  outfile: path.join(root, 'public/build/donate-csv.js'),
  bundle: true,
  minify: true,
  platform: 'browser',
  format: 'iife',
  target: ['es2020'],
  legalComments: 'linked',
  logLevel: 'warning',
});

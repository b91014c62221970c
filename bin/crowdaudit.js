#!/usr/bin/env node
// The installed command runs the compiled CLI; `npm run build` (or `npm start`) produces it.
require('../dist/src/cli.js').main();

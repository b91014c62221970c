/**
 * The `--name value` options of the JS benches, read one way: a number when the fallback is a
 * number (so `--donations 2000` is 2000), else the text as given.
 * @example const donations = argument('donations', 2000);
 */
'use strict';

function argument(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0 || index + 1 >= process.argv.length) return fallback;
  const value = process.argv[index + 1];
  return typeof fallback === 'number' ? Number(value) : value;
}

module.exports = { argument };

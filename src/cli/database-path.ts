/** The database a maintenance command works on: `--db FILE`, else `DATABASE_PATH` (as the server). */
export function databasePathFrom(option: string | undefined): string {
  if (option !== undefined) return option;
  // Loaded only when needed, so that commands given --db start without the configuration schema.
  const { loadConfig } = require('../config') as typeof import('../config');
  return loadConfig(process.env).databasePath;
}

import type { Command } from 'commander';

/** `crowdaudit serve`: the web server, configured by the environment; flags override it. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('start the web server (environment: PORT, DATABASE_PATH, RATE_LIMITS, LOG_LEVEL, BASE_URL)')
    .option('--port <number>', 'port to listen on')
    .option('--db <file>', 'SQLite database file')
    .action(async (options: { port?: string; db?: string }) => {
      // Loaded here, not at the top: the analysis commands should not pay for the web stack.
      const { loadConfig } = require('../config') as typeof import('../config');
      const { runServer } = require('../server') as typeof import('../server');
      const config = loadConfig({
        ...process.env,
        ...(options.port !== undefined ? { PORT: options.port } : {}),
        ...(options.db !== undefined ? { DATABASE_PATH: options.db } : {}),
      });
      await runServer(config);
    });
}

import type { Command } from 'commander';

/** Placeholder until the command is implemented; it is replaced, not extended. */
export function registerSeedDemoCommand(program: Command): void {
  program.command('seed-demo').description('not implemented yet').action(() => {
    throw new Error('seed-demo is not implemented yet');
  });
}

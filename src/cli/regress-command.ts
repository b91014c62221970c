import type { Command } from 'commander';

/** Placeholder until the command is implemented; it is replaced, not extended. */
export function registerRegressCommand(program: Command): void {
  program.command('regress').description('not implemented yet').action(() => {
    throw new Error('regress is not implemented yet');
  });
}

import type { Command } from 'commander';

/** Placeholder until the command is implemented; it is replaced, not extended. */
export function registerDisparityCommand(program: Command): void {
  program.command('disparity').description('not implemented yet').action(() => {
    throw new Error('disparity is not implemented yet');
  });
}

import type { Command } from 'commander';

/** Placeholder until the command is implemented; it is replaced, not extended. */
export function registerCompareCommand(program: Command): void {
  program.command('compare').description('not implemented yet').action(() => {
    throw new Error('compare is not implemented yet');
  });
}

import type { Command } from 'commander';

/** Placeholder until the command is implemented; it is replaced, not extended. */
export function registerServeCommand(program: Command): void {
  program.command('serve').description('not implemented yet').action(() => {
    throw new Error('serve is not implemented yet');
  });
}

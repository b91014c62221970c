/**
 * The `crowdaudit` command. Each sub-command lives in its own file under `src/cli/` and
 * registers itself on the program; this file only wires them together.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { registerServeCommand } from './cli/serve-command';
import { registerSeedDemoCommand } from './cli/seed-demo-command';
import { registerRegressCommand } from './cli/regress-command';
import { registerDisparityCommand } from './cli/disparity-command';
import { registerCompareCommand } from './cli/compare-command';
import { registerErrorRatesCommand } from './cli/error-rates-command';
import { registerCalibrationCommand } from './cli/calibration-command';
import { registerSurvivalCommand } from './cli/survival-command';
import { registerImportCommand } from './cli/import-command';
import { registerBackupCommand } from './cli/backup-command';
import { registerPurgeCommand } from './cli/purge-command';
import { registerTokenCommand } from './cli/token-command';
import { registerExportCommand } from './cli/export-command';
import { registerVerifyCommand } from './cli/verify-command';
import { registerMigrateCommand } from './cli/migrate-command';
import { version } from './version';

export function buildProgram(): Command {
  const program = new Command();
  program.name('crowdaudit').description('Crowdsourced audits of automated decisions').version(version);
  // Commander reports a bad option itself, then throws instead of ending the process, so that
  // main() sets the exit code and the command can run inside another program (and the tests).
  program.exitOverride();
  registerServeCommand(program);
  registerSeedDemoCommand(program);
  registerRegressCommand(program);
  registerDisparityCommand(program);
  registerCompareCommand(program);
  registerErrorRatesCommand(program);
  registerCalibrationCommand(program);
  registerSurvivalCommand(program);
  registerImportCommand(program);
  registerBackupCommand(program);
  registerPurgeCommand(program);
  registerTokenCommand(program);
  registerExportCommand(program);
  registerVerifyCommand(program);
  registerMigrateCommand(program);
  return program;
}

/** Runs the command line; the exit code says whether it worked. */
export async function main(argv: string[] = process.argv): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error: unknown) {
    // Commander has already printed its own parse errors; an InvalidArgumentError thrown by a
    // command's action (a bad --reference, no --csv/--db) has not, and would exit 1 silently.
    if (error instanceof CommanderError && !(error instanceof InvalidArgumentError)) {
      process.exitCode = error.exitCode;
      return;
    }
    process.stderr.write(`crowdaudit: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();

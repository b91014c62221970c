import fs from 'node:fs';
import path from 'node:path';

/**
 * The compiled script of a worker thread, `src/<module>.ts` built to `dist/src/<module>.js`.
 * Node runs JavaScript only, so when the caller runs from the TypeScript sources (the tests), the
 * worker comes from the build (`npm test` builds first).
 * @param module the worker's path below `src/`, without extension, e.g. `import/import-worker`
 * @throws Error naming the missing file and the command that builds it
 */
export function compiledWorkerScript(module: string): string {
  const script = __filename.endsWith('.ts')
    ? path.resolve(__dirname, '../../dist/src', `${module}.js`)
    : path.join(__dirname, '..', `${module}.js`);
  if (!fs.existsSync(script)) throw new Error(`The worker ${script} is missing: run "npm run build" first.`);
  return script;
}

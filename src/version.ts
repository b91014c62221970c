/** The software version, from package.json, for manifests and `--version`. */
import packageJson from '../package.json';

export const version: string = packageJson.version;

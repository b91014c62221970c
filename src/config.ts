/**
 * The environment, parsed once with zod. No other module reads `process.env`: they receive a
 * `Config`, so tests can build one without touching the environment.
 */
import path from 'node:path';
import { z } from 'zod';
import { ISO_DURATION_HINT, isoDurationMs } from './evidence/releases/iso-duration';
import { operatorFromEnvironment, operatorEnvironmentSchema, type OperatorConfig } from './operator/operator-config';

const onOff = z.enum(['on', 'off']);

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_PATH: z.string().min(1).default('./data/crowdaudit.sqlite'),
  /** postgres://user:password@host:port/database: PostgreSQL instead of the SQLite file. */
  DATABASE_URL: z
    .string()
    .refine((value) => /^postgres(ql)?:\/\//.test(value) && URL.canParse(value), 'must be a postgres:// URL such as postgres://crowdaudit@localhost/crowdaudit (unset it for SQLite)')
    .optional(),
  RATE_LIMITS: onOff.default('on'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BASE_URL: z.url().default('http://localhost:3000'),
  SIGNING_KEY_PATH: z.string().min(1).optional(),
  /** Behind a reverse proxy, how many hops to trust for the client address used by rate limits. */
  TRUST_PROXY: z.coerce.number().int().min(0).default(0),
  /** Secret for CSRF tokens; generated beside the database when not given. */
  CSRF_SECRET: z.string().min(32).optional(),
  DATA_DICTIONARY_DIR: z.string().min(1).optional(),
  /** Other web origins whose pages may post to the API (comma-separated), besides BASE_URL's own. */
  ALLOWED_ORIGINS: z
    .string()
    .optional()
    .transform((value, context) => {
      const origins = (value ?? '').split(',').map((item) => item.trim()).filter(Boolean);
      for (const origin of origins) {
        if (!URL.canParse(origin) || new URL(origin).origin !== origin) {
          context.addIssue({ code: 'custom', message: `"${origin}" is not an origin such as https://ngo.example.org (scheme, host, optional port; no path)` });
        }
      }
      return origins;
    }),
  /** Overrides every campaign's releaseMinChanges (never below a campaign's k: checked at start). */
  RELEASE_MIN_CHANGES: z.coerce.number().int().min(2).optional(),
  /** Overrides every campaign's releaseInterval: an ISO 8601 duration such as P1D or PT6H. */
  RELEASE_INTERVAL: z.string().refine((value) => isoDurationMs(value) !== undefined, ISO_DURATION_HINT).optional(),
  NODE_ENV: z.string().optional(),
  ...operatorEnvironmentSchema.shape,
});

export interface Config {
  port: number;
  host: string;
  databasePath: string;
  /** PostgreSQL's connection URL; when set, the database is there and `databasePath` is not used for data. */
  databaseUrl?: string;
  rateLimits: boolean;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  baseUrl: string;
  signingKeyPath: string;
  trustProxy: number;
  csrfSecret?: string;
  dataDictionaryDir?: string;
  /** Origins besides BASE_URL's whose pages may send state-changing API requests. */
  allowedOrigins?: string[];
  /** Release rule overrides for every campaign (else each dictionary's, else 2·k and P1D). */
  releaseMinChanges?: number;
  releaseInterval?: string;
  /** Who runs this instance (/privacy, /imprint, consent); absent on a demo instance, never in production. */
  operator?: OperatorConfig;
}

/** Parses the environment; throws one error listing every bad variable by name. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  const env = parsed.data;
  const operator = operatorFromEnvironment(env, env.NODE_ENV === 'production');
  if (!operator.success) throw new Error(`Invalid configuration: ${operator.problems.join('; ')}`);
  const databasePath = env.DATABASE_PATH;
  const besideDatabase = databasePath === ':memory:' ? '.' : path.dirname(databasePath);
  return {
    port: env.PORT,
    host: env.HOST,
    databasePath,
    databaseUrl: env.DATABASE_URL,
    rateLimits: env.RATE_LIMITS === 'on',
    logLevel: env.LOG_LEVEL,
    baseUrl: env.BASE_URL.replace(/\/$/, ''),
    signingKeyPath: env.SIGNING_KEY_PATH ?? path.join(besideDatabase, 'signing-key.pem'),
    trustProxy: env.TRUST_PROXY,
    csrfSecret: env.CSRF_SECRET,
    dataDictionaryDir: env.DATA_DICTIONARY_DIR,
    allowedOrigins: env.ALLOWED_ORIGINS,
    releaseMinChanges: env.RELEASE_MIN_CHANGES,
    releaseInterval: env.RELEASE_INTERVAL,
    operator: operator.operator,
  };
}

/** A configuration for tests and tools: an in-memory database, no rate limits unless asked, silent logs. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    databasePath: ':memory:',
    rateLimits: false,
    logLevel: 'silent',
    baseUrl: 'http://localhost:3000',
    signingKeyPath: ':memory:',
    trustProxy: 0,
    csrfSecret: 'test-csrf-secret-test-csrf-secret-0123456789',
    // Tests cut a release as soon as enough donations changed; the interval is tested on its own.
    releaseInterval: 'PT0S',
    ...overrides,
  };
}

/**
 * For the PostgreSQL projects (jest.config.js): every store a test file opened is closed after
 * it, and tests get 30 s (each donation is a transaction over a socket: seeding hundreds takes
 * longer than in memory; set here because a project's testTimeout is not applied per project).
 */
import { closeTestStores } from './test-database';

jest.setTimeout(30_000);
afterAll(closeTestStores);

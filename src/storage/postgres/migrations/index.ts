import type { Migration } from '../../migrations';
import { postgresMigration001 } from './001-initial';
import { postgresMigration002 } from './002-campaign-revisions';
import { postgresMigration003 } from './003-access-tokens';
import { postgresMigration004 } from './004-imported-donations';
import { postgresMigration005 } from './005-import-batches';
import { postgresMigration006 } from './006-findings-releases';
import { postgresMigration007 } from './007-random-row-ids';
import { postgresMigration008 } from './008-consent-withdrawals';
import { postgresMigration009 } from './009-rate-limits';
import { postgresMigration010 } from './010-compressed-releases';

/** Every PostgreSQL migration, numbered as its SQLite equivalent in ../../migrations. */
export const postgresMigrations: readonly Migration[] = [
  postgresMigration001, postgresMigration002, postgresMigration003, postgresMigration004, postgresMigration005,
  postgresMigration006, postgresMigration007, postgresMigration008, postgresMigration009, postgresMigration010,
];

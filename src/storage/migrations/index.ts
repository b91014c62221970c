import { migration001 } from './001-initial';
import { migration002 } from './002-campaign-revisions';
import { migration003 } from './003-access-tokens';
import { migration004 } from './004-imported-donations';
import { migration005 } from './005-import-batches';
import { migration006 } from './006-findings-releases';
import { migration007 } from './007-random-row-ids';
import { migration008 } from './008-consent-withdrawals';
import { migration009 } from './009-rate-limits';
import { migration010 } from './010-compressed-releases';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every migration, in the order it is applied. */
export const migrations: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010];

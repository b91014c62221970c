import { migration001 } from './001-initial';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every migration, in the order it is applied. */
export const migrations: readonly Migration[] = [migration001];

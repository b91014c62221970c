import BetterSqlite3 from 'better-sqlite3';
import { GroupCommit } from '../../../src/storage/group-commit';

describe('group commit', () => {
  let db: BetterSqlite3.Database;
  beforeEach(() => {
    db = new BetterSqlite3(':memory:');
    db.exec('CREATE TABLE items (value INTEGER NOT NULL UNIQUE)');
  });
  afterEach(() => db.close());

  const insert = (value: number) => () => db.prepare('INSERT INTO items (value) VALUES (?)').run(value).changes;
  const stored = () => (db.prepare('SELECT value FROM items ORDER BY value').all() as Array<{ value: number }>).map((row) => row.value);

  test('when writes arrive in the same turn of the event loop, then they share one transaction', async () => {
    const outer = jest.spyOn(db, 'transaction');
    const commits = new GroupCommit(db);
    const results = await Promise.all([1, 2, 3, 4, 5].map((value) => commits.run(insert(value))));
    expect(results).toEqual([1, 1, 1, 1, 1]);
    expect(stored()).toEqual([1, 2, 3, 4, 5]);
    // One outer transaction, plus one savepoint per write.
    expect(outer).toHaveBeenCalledTimes(6);
  });

  test('when one write of a group throws, then only it is rolled back and only its caller gets the error', async () => {
    const commits = new GroupCommit(db);
    const failing = () => {
      db.prepare('INSERT INTO items (value) VALUES (?)').run(7);
      throw new Error('refused');
    };
    const outcomes = await Promise.allSettled([commits.run(insert(6)), commits.run(failing), commits.run(insert(8))]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason.message).toBe('refused');
    expect(stored()).toEqual([6, 8]);
  });

  test('when a later turn brings more writes, then they go into a new transaction', async () => {
    const commits = new GroupCommit(db);
    await commits.run(insert(1));
    expect(db.inTransaction).toBe(false);
    await expect(commits.run(insert(1))).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' });
    await commits.run(insert(2));
    expect(stored()).toEqual([1, 2]);
  });
});

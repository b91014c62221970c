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
    const statements = jest.spyOn(db, 'exec');
    const commits = new GroupCommit(db);
    const results = await Promise.all([1, 2, 3, 4, 5].map((value) => commits.run(insert(value))));
    expect(results).toEqual([1, 1, 1, 1, 1]);
    expect(stored()).toEqual([1, 2, 3, 4, 5]);
    // One outer transaction, plus one savepoint per write.
    const executed = statements.mock.calls.map(([sql]) => sql);
    expect(executed.filter((sql) => sql === 'BEGIN IMMEDIATE')).toHaveLength(1);
    expect(executed.filter((sql) => sql === 'COMMIT')).toHaveLength(1);
    expect(executed.filter((sql) => sql === 'SAVEPOINT group_write')).toHaveLength(5);
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

  // Some errors roll back the whole transaction, not just the write's savepoint (better-sqlite3's
  // documented caveat). Both ways below really do it: `db.inTransaction` is false after them.
  const wholeRollbacks: Array<[string, () => () => unknown, string]> = [
    ['a trigger raises ROLLBACK', () => {
      db.exec(`CREATE TABLE vetoes (value INTEGER);
        CREATE TRIGGER veto AFTER INSERT ON vetoes BEGIN SELECT RAISE(ROLLBACK, 'vetoed'); END;`);
      return () => db.prepare('INSERT INTO vetoes (value) VALUES (1)').run();
    }, 'vetoed'],
    ['the database is full (SQLITE_FULL)', () => {
      db.exec('CREATE TABLE blobs (content BLOB)');
      // Room for the small writes, not for a 100 kB blob.
      db.pragma(`max_page_count = ${(db.pragma('page_count', { simple: true }) as number) + 3}`);
      return () => db.prepare('INSERT INTO blobs (content) VALUES (zeroblob(100000))').run();
    }, 'database or disk is full'],
  ];

  test.each(wholeRollbacks)('when %s inside a group, then only that caller gets an error, and every other write is committed and answered with success', async (_how, makeCulprit, message) => {
    const culprit = makeCulprit();
    const commits = new GroupCommit(db);
    const outcomes = await Promise.allSettled([commits.run(insert(1)), commits.run(insert(2)), commits.run(culprit), commits.run(insert(3)), commits.run(insert(4))]);
    // The lie this guards against: a caller told "error" whose write was committed all the same.
    const answeredWrongly = [1, 2, undefined, 3, 4].filter((value, index) =>
      value !== undefined && (outcomes[index].status === 'fulfilled') !== stored().includes(value));
    expect(answeredWrongly).toEqual([]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((outcomes[2] as PromiseRejectedResult).reason.message).toContain(message);
    // Success means committed: the writes before the culprit were rolled back with it, so they ran again.
    expect(stored()).toEqual([1, 2, 3, 4]);
    expect(db.inTransaction).toBe(false);
  });

  test('when a rolled-back group also holds a write that fails on its own, then each caller hears exactly what happened to its write', async () => {
    const culprit = wholeRollbacks[0][1]();
    db.prepare('INSERT INTO items (value) VALUES (9)').run();
    const commits = new GroupCommit(db);
    const outcomes = await Promise.allSettled([commits.run(insert(1)), commits.run(culprit), commits.run(insert(9)), commits.run(insert(2)), commits.run(culprit), commits.run(insert(3))]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[2] as PromiseRejectedResult).reason.code).toBe('SQLITE_CONSTRAINT_UNIQUE');
    expect(stored()).toEqual([1, 2, 3, 9]);
  });

  test('when the commit itself fails, then every caller of the group gets the error and nothing is stored', async () => {
    // A deferred foreign key is checked only at COMMIT, which then fails and is rolled back.
    db.exec(`PRAGMA foreign_keys = ON;
      CREATE TABLE parents (id INTEGER PRIMARY KEY);
      CREATE TABLE children (parent INTEGER REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED)`);
    const commits = new GroupCommit(db);
    const orphan = () => db.prepare('INSERT INTO children (parent) VALUES (42)').run().changes;
    const outcomes = await Promise.allSettled([commits.run(insert(1)), commits.run(orphan), commits.run(insert(2))]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(stored()).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM children').get()).toEqual({ n: 0 });
  });

  // Answered once on disk: the store's WAL sync (wal-sync.ts) is the `durable` hook.

  test('when the commit is done but not yet on disk, then no caller is answered, and the next group may commit meanwhile', async () => {
    const syncs: Array<() => void> = [];
    const commits = new GroupCommit(db, undefined, (work) => work(), () => new Promise<void>((resolve) => syncs.push(resolve)));
    let answered = false;
    const first = commits.run(insert(1)).then(() => { answered = true; });
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(db.prepare('SELECT COUNT(*) AS n FROM items').get()).toEqual({ n: 1 });
    expect(db.inTransaction).toBe(false);
    expect(answered).toBe(false);
    // A second group commits while the first one's sync is still running.
    const second = commits.run(insert(2));
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(db.prepare('SELECT COUNT(*) AS n FROM items').get()).toEqual({ n: 2 });
    expect(syncs).toHaveLength(2);
    syncs[0]();
    await first;
    expect(answered).toBe(true);
    syncs[1]();
    await expect(second).resolves.toBe(1);
  });

  test('when the sync after the commit fails, then every caller of the group gets its error', async () => {
    const commits = new GroupCommit(db, undefined, (work) => work(), () => Promise.reject(new Error('EIO: i/o error, fdatasync')));
    const outcomes = await Promise.allSettled([commits.run(insert(1)), commits.run(insert(2))]);
    expect(outcomes.map((outcome) => outcome.status === 'rejected' && (outcome.reason as Error).message)).toEqual(['EIO: i/o error, fdatasync', 'EIO: i/o error, fdatasync']);
  });
});

/**
 * The thread that checkpoints the store's write-ahead log (see wal-checkpointer.ts): on a
 * connection of its own, every `intervalMs` it copies the WAL's committed frames into the
 * database file, so that SQLite can rewind the WAL. PASSIVE never waits: frames that a reader's
 * snapshot still needs, or a checkpoint another connection is running, are left for the next
 * round. Asked `{ truncate: id }`, it runs an erasure's truncating checkpoint (wal-erasure.ts)
 * between its rounds and answers `{ id, done }`; asked `{ catchUp: id }` (the store holds its
 * writes meanwhile), one more pass, answering `{ id, done }`. It ends when told 'stop', after
 * closing its connection.
 */
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { truncateWal } from './wal-erasure';

export interface CheckpointWorkerData {
  databasePath: string;
  intervalMs: number;
  behindFrames: number;
}

export type CheckpointRequest = 'stop' | { truncate: number } | { catchUp: number };
/** The answer to a request with an id: whether the WAL was truncated, or every frame copied. */
export interface CheckpointAnswer {
  id: number;
  done: boolean;
}
/** Sent after a round that left the WAL longer than `behindFrames`: the store should let it catch up. */
export type BehindMessage = 'behind';

const { databasePath, intervalMs, behindFrames } = workerData as CheckpointWorkerData;
const db = new BetterSqlite3(databasePath, { fileMustExist: true });
// A checkpoint syncs the WAL before copying and the database file after: in NORMAL as in FULL.
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = 0');
// Its own commits are none, but SQLite would checkpoint on them from this connection too.
db.pragma('wal_autocheckpoint = 0');

type CheckpointResult = { busy: number; log: number; checkpointed: number };

/** One PASSIVE checkpoint; undefined when another connection's checkpoint held the lock. */
function checkpoint(): CheckpointResult | undefined {
  try {
    return (db.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[])[0];
  } catch {
    // SQLITE_BUSY: another connection's checkpoint (an erasure's TRUNCATE) holds the lock; next round.
    return undefined;
  }
}

/**
 * The WAL starts over from its beginning only when a write begins after every frame was copied.
 * A writer that commits every millisecond or two never leaves such a moment (a round ends with a
 * sync of the database file), and the WAL grew by every write: 258 MB after 5,000 donations in a
 * row. So a round that leaves it longer than `behindFrames` says so; the store then holds its
 * writes (asynchronously) while a last pass copies the rest (`catchUp`), and its next write
 * starts the WAL over.
 */
function round(): void {
  const result = checkpoint();
  if (result && result.log > behindFrames) parentPort!.postMessage('behind' satisfies BehindMessage);
}

const timer = setInterval(round, intervalMs);
parentPort!.on('message', (message: CheckpointRequest) => {
  if (message === 'stop') {
    clearInterval(timer);
    checkpoint();
    db.close();
    parentPort!.close();
    return;
  }
  if ('catchUp' in message) {
    const result = checkpoint();
    const answer: CheckpointAnswer = { id: message.catchUp, done: result !== undefined && result.checkpointed === result.log };
    parentPort!.postMessage(answer);
    return;
  }
  const answer: CheckpointAnswer = { id: message.truncate, done: truncateWal(db) };
  parentPort!.postMessage(answer);
});
parentPort!.postMessage('ready');

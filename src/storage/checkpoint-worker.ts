/**
 * The thread that checkpoints the store's write-ahead log (see wal-checkpointer.ts): on a
 * connection of its own, every `intervalMs` it copies the WAL's committed frames into the
 * database file, so that SQLite can rewind the WAL. PASSIVE never waits: frames that a reader's
 * snapshot still needs, or a checkpoint another connection is running, are left for the next
 * round. Asked `{ truncate: id }`, it runs an erasure's truncating checkpoint (wal-erasure.ts)
 * between its rounds and answers `{ id, truncated }`. It ends when told 'stop', after closing its
 * connection.
 */
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { truncateWal } from './wal-erasure';

export interface CheckpointWorkerData {
  databasePath: string;
  intervalMs: number;
}

export type CheckpointRequest = 'stop' | { truncate: number };
export interface TruncateAnswer {
  id: number;
  truncated: boolean;
}

const { databasePath, intervalMs } = workerData as CheckpointWorkerData;
const db = new BetterSqlite3(databasePath, { fileMustExist: true });
// A checkpoint syncs the WAL before copying and the database file after: in NORMAL as in FULL.
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = 0');
// Its own commits are none, but SQLite would checkpoint on them from this connection too.
db.pragma('wal_autocheckpoint = 0');

function checkpoint(): void {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // SQLITE_BUSY: another connection's checkpoint (an erasure's TRUNCATE) holds the lock; next round.
  }
}

const timer = setInterval(checkpoint, intervalMs);
parentPort!.on('message', (message: CheckpointRequest) => {
  if (message === 'stop') {
    clearInterval(timer);
    checkpoint();
    db.close();
    parentPort!.close();
    return;
  }
  const answer: TruncateAnswer = { id: message.truncate, truncated: truncateWal(db) };
  parentPort!.postMessage(answer);
});
parentPort!.postMessage('ready');

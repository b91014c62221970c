/** The WAL's sync off the event loop (wal-sync.ts): shared by the commits that ask while one runs, and its failures reach the callers. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WalSync } from '../../../src/storage/wal-sync';

describe('WalSync', () => {
  let directory: string;
  let wal: string;
  let datasync: jest.SpyInstance;
  beforeEach(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-wal-sync-'));
    wal = path.join(directory, 'crowdaudit.sqlite-wal');
    fs.writeFileSync(wal, 'frames');
    // FileHandle is not exported: its prototype comes from a handle.
    const handle = await fs.promises.open(wal, 'r');
    datasync = jest.spyOn(Object.getPrototypeOf(handle) as { datasync: () => Promise<void> }, 'datasync');
    await handle.close();
  });
  afterEach(() => {
    datasync.mockRestore();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  test('when commits ask while a sync runs, then they share the next one: three flushes, two syncs', async () => {
    const sync = new WalSync(wal);
    const flushes = [sync.flush(), sync.flush(), sync.flush()];
    expect(flushes[1]).toBe(flushes[2]);
    await Promise.all(flushes);
    expect(datasync).toHaveBeenCalledTimes(2);
    await sync.flush();
    expect(datasync).toHaveBeenCalledTimes(3);
    await sync.close();
  });

  test('when a sync fails, then its callers get the error, and the next flush tries again', async () => {
    const sync = new WalSync(wal);
    datasync.mockRejectedValueOnce(new Error('EIO: i/o error, fdatasync'));
    await expect(sync.flush()).rejects.toThrow('EIO: i/o error, fdatasync');
    await expect(sync.flush()).resolves.toBeUndefined();
    await sync.close();
  });

  test('when the WAL file is missing, then the error names it', async () => {
    const sync = new WalSync(path.join(directory, 'missing.sqlite-wal'));
    await expect(sync.flush()).rejects.toThrow(/ENOENT.*missing\.sqlite-wal/);
    await sync.close();
  });
});

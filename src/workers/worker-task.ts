/**
 * A worker module's task, as the pool runs it (worker-pool.ts), whose failure crosses threads with
 * its message: an error of a library's own class (better-sqlite3's SqliteError) would arrive as a
 * plain object holding only its code. The stack stays behind: it may name data.
 */
export function workerTask<Task, Result>(run: (task: Task) => Promise<Result>): (task: Task) => Promise<Result> {
  return async (task) => {
    try {
      return await run(task);
    } catch (error) {
      throw new Error(error instanceof Error ? error.message : String(error));
    }
  };
}

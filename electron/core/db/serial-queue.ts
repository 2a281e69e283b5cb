/**
 * Runs tasks one at a time in arrival order. The driver is synchronous, but a transaction's
 * body is not (it awaits its statements, and may await a password check or a hash), so
 * without this two callers' statements could interleave inside one transaction.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    // Keep the chain alive whatever this task did; the caller still sees its own failure.
    this.tail = result.catch(() => undefined);
    return result;
  }
}

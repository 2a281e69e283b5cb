// A test's clock, shared between threads. A test moves time with a plain function
// (`now: () => Date`), which cannot cross into the worker; the host writes its value into
// shared memory instead and the worker reads it there, with no message and no waiting.
// Whole milliseconds in a BigInt64Array rather than a Float64Array: Atomics works only on
// integer arrays, so a read never sees half of a write, and a Date holds whole milliseconds anyway.

export function createSharedClock(): SharedArrayBuffer {
  return new SharedArrayBuffer(BigInt64Array.BYTES_PER_ELEMENT);
}

/** An invalid Date is not written: the worker keeps the last good time rather than the thread failing. */
export function writeSharedClock(buffer: SharedArrayBuffer, at: Date): void {
  const ms = at.getTime();
  if (Number.isFinite(ms)) Atomics.store(new BigInt64Array(buffer), 0, BigInt(ms));
}

export function sharedClockReader(buffer: SharedArrayBuffer): () => Date {
  const view = new BigInt64Array(buffer);
  return () => new Date(Number(Atomics.load(view, 0)));
}

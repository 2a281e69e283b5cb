/**
 * Views worked out from the records (the dashboard, search facts, chronology counts), kept
 * for as long as the records are unchanged. The version is Database.recordsVersion, which
 * moves with every write that may change the records and with any other connection's
 * commit, so a value is never served after the records it came from have changed.
 */
export class DerivedCache<T> {
  private version: string | undefined;
  private readonly values = new Map<string, T>();

  /** @param limit how many keys to keep for one version; the oldest goes first. */
  constructor(private readonly limit = 1) {}

  async get(version: string, key: string, compute: () => Promise<T>): Promise<T> {
    if (version !== this.version) {
      this.values.clear();
      this.version = version;
    }
    if (this.values.has(key)) return this.values.get(key) as T;
    const value = await compute();
    // A newer version may have arrived while this one was worked out; then it is not kept.
    if (this.version === version) {
      if (this.values.size >= this.limit) this.values.delete(this.values.keys().next().value as string);
      this.values.set(key, value);
    }
    return value;
  }
}

import { describe, expect, it } from 'vitest';
import { DerivedCache } from '../../electron/core/records/derived-cache';

describe('a view kept while the records are unchanged', () => {
  it('is worked out once per version and key, and again when the version moves', async () => {
    const cache = new DerivedCache<string>(2);
    let computed = 0;
    const compute = (value: string) => () => Promise.resolve(`${value}#${++computed}`);
    expect(await cache.get('v1', 'a', compute('a'))).toBe('a#1');
    expect(await cache.get('v1', 'a', compute('a'))).toBe('a#1');
    expect(await cache.get('v1', 'b', compute('b'))).toBe('b#2');
    expect(await cache.get('v2', 'a', compute('a'))).toBe('a#3');
    expect(await cache.get('v2', 'b', compute('b'))).toBe('b#4');
  });

  it('keeps at most its limit of keys, dropping the oldest', async () => {
    const cache = new DerivedCache<number>(2);
    let computed = 0;
    const next = () => Promise.resolve(++computed);
    await cache.get('v', 'a', next);
    await cache.get('v', 'b', next);
    await cache.get('v', 'c', next);
    expect(await cache.get('v', 'b', next)).toBe(2);
    expect(await cache.get('v', 'a', next)).toBe(4);
  });

  it('does not keep a value worked out for a version that was overtaken meanwhile', async () => {
    const cache = new DerivedCache<string>();
    let release: (value: string) => void = () => undefined;
    const slow = cache.get('v1', 'k', () => new Promise<string>((resolve) => (release = resolve)));
    expect(await cache.get('v2', 'k', () => Promise.resolve('new'))).toBe('new');
    release('old');
    expect(await slow).toBe('old');
    expect(await cache.get('v2', 'k', () => Promise.resolve('recomputed'))).toBe('new');
  });
});

/** Timing helpers for the benchmark: repetitions, percentiles, and peak memory. */

export type Timing = { p50: number; p95: number; runs: number };

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times measured; milliseconds. */
export async function measure(fn: () => Promise<unknown>, runs: number, warmup = 3): Promise<Timing> {
  return measureReported(async () => {
    const start = performance.now();
    await fn();
    return performance.now() - start;
  }, runs, warmup);
}

/** As `measure`, for runs that do untimed set-up first: `fn` answers the milliseconds it timed. */
export async function measureReported(fn: () => Promise<number>, runs: number, warmup = 3): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await fn());
  return timing(times);
}

export function timing(times: readonly number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), runs: sorted.length };
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Samples this process's resident memory every 25 ms; `peakMb` is the highest seen. */
export function memorySampler(): { stop(): void; peakMb(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 25);
  timer.unref();
  return {
    stop: () => clearInterval(timer),
    peakMb: () => round(Math.max(peak, process.memoryUsage().rss) / 1024 / 1024, 1),
  };
}

/** Timing helpers: warm-up, then the median (and p95) of repeated runs. */

/** One row of the benchmark's table and JSON. */
export interface Measurement {
  name: string;
  size: string;
  median_ms: number | null;
  p95_ms: number | null;
  kb_per_s: number | null;
  rss_mb: number | null;
}

/** The value at a quantile of sorted samples (nearest rank). */
export function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Runs `work` `warmup` times untimed, then `runs` times timed; returns the times in ms. */
export async function time(work: () => unknown, runs = 5, warmup = 2): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return samples;
}

/** A throughput row from timed samples over `bytes` of text. */
export function throughput(name: string, size: string, bytes: number, samples: number[]): Measurement {
  const median = quantile(samples, 0.5);
  return { name, size, median_ms: round(median), p95_ms: round(quantile(samples, 0.95)), kb_per_s: round(bytes / 1024 / (median / 1000)), rss_mb: null };
}

/** Rounds to one decimal, for a readable table. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}

// Small statistics helpers shared by the benchmarks.

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** One decimal place: the benchmarks report milliseconds. */
export const round = (x: number): number => Math.round(x * 10) / 10;

export const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

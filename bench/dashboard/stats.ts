// Summary statistics of repeated timings.

export type Timing = { runs: number; medianMs: number; p95Ms: number; minMs: number; maxMs: number };

/** Median (mean of the middle two for an even count) and nearest-rank 95th percentile. */
export function summarise(samplesMs: readonly number[]): Timing {
  if (samplesMs.length === 0) throw new Error("No samples to summarise.");
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  const p95 = sorted[Math.ceil(0.95 * sorted.length) - 1]!;
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return {
    runs: sorted.length,
    medianMs: round(median),
    p95Ms: round(p95),
    minMs: round(sorted[0]!),
    maxMs: round(sorted[sorted.length - 1]!),
  };
}

// Shared parsing for the benchmark's command lines.

/** "10000", "10k", "1M", "1e6" → a count. */
export function parseCount(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(k|m)?$/i.exec(text.trim().replace(/[_,]/g, ""));
  const value = match ? Number(match[1]) * (match[2] ? (match[2].toLowerCase() === "k" ? 1e3 : 1e6) : 1) : Number(text);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`Not a count: ${text}`);
  return value;
}

/** Database name for one generated size, e.g. dashboard_1000000 or dashboard_10000_seed7. */
export function databaseNameFor(reports: number, seed: number, defaultSeed: number, sessions?: number): string {
  return [
    `dashboard_${reports}`,
    seed === defaultSeed ? "" : `_seed${seed}`,
    sessions === undefined ? "" : `_sessions${sessions}`,
  ].join("");
}

// Deterministic identifiers shaped like the application's own (UUID v7: a millisecond
// timestamp, then random bits), so that ids sort by time as in production. The low 32 bits
// hold a per-table sequence number: unique by construction, whatever the PRNG draws.
import type { Random } from "./prng";

const hex = (value: number, digits: number) => value.toString(16).padStart(digits, "0");

export function uuidV7(epochMs: number, sequence: number, random: Random): string {
  if (!Number.isInteger(epochMs) || epochMs < 0 || epochMs >= 2 ** 48) throw new Error(`Bad UUID v7 time: ${epochMs}`);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence >= 2 ** 32) throw new Error(`Bad UUID sequence: ${sequence}`);
  const time = hex(epochMs, 12);
  const randA = random.int(0x1000);
  const randB = random.int(0x4000); // 14 bits after the two variant bits
  const randC = random.int(0x10000);
  return [
    time.slice(0, 8),
    time.slice(8, 12),
    hex(0x7000 | randA, 4),
    hex(0x8000 | randB, 4),
    hex(randC, 4) + hex(sequence >>> 0, 8),
  ].join("-");
}

// CSV (RFC 4180) for exports opened in spreadsheets: every field quoted, and text that a
// spreadsheet would run as a formula (= + - @, tab, carriage return first) made inert with a
// leading apostrophe (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number | bigint | boolean | null | undefined | Date): string {
  if (value === null || value === undefined) return '""';
  const text = value instanceof Date ? value.toISOString() : String(value);
  const inert = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${inert.replace(/"/g, '""')}"`;
}

export function csvRow(values: Parameters<typeof csvField>[0][]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

/** A byte-order mark, so that spreadsheet programs read the file as UTF-8 (Arabic intact). */
export const CSV_BOM = "\uFEFF";

// CSV for spreadsheets: UTF-8 with a byte-order mark (so that Excel shows Arabic), CRLF line
// ends, quoting by csv-stringify, and text that a spreadsheet would run as a formula
// neutralised (OWASP "CSV injection").
import { stringify, type Options } from "csv-stringify/sync";

export type CsvValue = string | number | bigint | boolean | Date | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text starting with = + - @, a tab or a carriage return gets a leading single quote. Numbers are left as they are. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const options: Options = {
  record_delimiter: "windows",
  cast: {
    string: neutraliseFormula,
    number: (value) => String(value),
    bigint: (value) => String(value),
    boolean: (value) => (value ? "true" : "false"),
    date: (value) => value.toISOString(),
  },
};

/** A whole file: byte-order mark, header, rows. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return stringify([header as CsvValue[], ...(rows as CsvValue[][])], { ...options, bom: true });
}

/**
 * Records with every field quoted, for exports streamed batch by batch (the audit log); the
 * stream writes the byte-order mark itself.
 */
export function csvRecords(records: readonly (readonly CsvValue[])[]): string {
  return stringify(records as CsvValue[][], { ...options, quoted: true, quoted_empty: true });
}

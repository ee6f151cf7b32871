// CSV for spreadsheets: UTF-8 with a byte-order mark (so that Excel shows Arabic), CRLF line
// ends, quoting by csv-stringify, and text that a spreadsheet would run as a formula
// neutralised (OWASP "CSV injection").
import { stringify } from "csv-stringify/sync";

export type CsvValue = string | number | boolean | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text starting with = + - @, a tab or a carriage return gets a leading single quote. Numbers are left as they are. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return stringify([header as CsvValue[], ...(rows as CsvValue[][])], {
    bom: true,
    record_delimiter: "windows",
    cast: {
      string: neutraliseFormula,
      number: (value) => String(value),
      boolean: (value) => (value ? "true" : "false"),
    },
  });
}

"use client";

import { PairCell, type CellWords } from "./matrix-cell";
import { decodeCell, FILTERED_OUT } from "./matrix-codes";

export type MatrixColumn = { code: string; name: string; href: string };
export type MatrixRow = { code: string; title: string; href: string; withdrawn: boolean; cells: number[] };
export type MatrixGroup = { key: string; name: string; rows: MatrixRow[] };
export type MatrixLabels = { caption: string; commitment: string; withdrawn: string; filteredOut: string };

/**
 * The matrix's table. A client component only so that its hundreds of cells travel to the page
 * as numbers (matrix-codes.ts) rather than as an RSC element tree next to the same HTML: the
 * server renders the same HTML either way, and every word and link comes from the server.
 * `cells` of a row follow `columns`.
 */
export function MatrixTable(props: { locale: string; columns: MatrixColumn[]; groups: MatrixGroup[]; labels: MatrixLabels; words: CellWords }) {
  const { locale, columns, groups, labels, words } = props;
  return (
    <table className="mx-t border-separate border-spacing-0 text-sm" data-testid="matrix">
      <caption className="px-3 py-2 text-start text-stone-600">{labels.caption}</caption>
      <thead className="sticky top-0 z-10 bg-stone-50">
        <tr>
          <th scope="col" className="sticky start-0 z-20 min-w-56 bg-stone-50 px-3 py-2 text-start font-medium">
            {labels.commitment}
          </th>
          {columns.map((country) => (
            <th key={country.code} scope="col" className="px-1 py-2 text-center font-medium" data-country={country.code}>
              <a href={country.href} className="text-brand-700 hover:underline">
                <abbr title={country.name} className="no-underline">
                  {country.code}
                </abbr>
              </a>
            </th>
          ))}
        </tr>
      </thead>
      {groups.map((group) => (
        <tbody key={group.key} data-theme={group.key}>
          <tr>
            <th scope="colgroup" colSpan={columns.length + 1} className="sticky start-0 bg-brand-50 px-3 py-1.5 text-start text-xs font-semibold text-brand-800">
              {group.name}
            </th>
          </tr>
          {group.rows.map((row) => (
            <tr key={row.code} data-commitment={row.code} {...(row.withdrawn ? { className: "opacity-50" } : {})}>
              <th scope="row" className="sticky start-0 z-[1] max-w-72 border-t border-stone-100 bg-white px-3 py-1.5 text-start font-normal">
                <a href={row.href} className="text-brand-700 hover:underline">
                  <span className="font-mono text-xs" dir="ltr">{row.code}</span>{" "}
                  <span className="line-clamp-2">{row.title}</span>
                </a>
                {row.withdrawn ? <span className="ms-1 text-xs text-stone-500">({labels.withdrawn})</span> : null}
              </th>
              {row.cells.map((code, i) => {
                const country = columns[i]!.code;
                const cell = code === FILTERED_OUT ? null : decodeCell(code);
                return (
                  <td key={country} data-country={country}>
                    {cell ? (
                      <PairCell cell={cell} href={cell.opens ? `/${locale}/countries/${country}/commitments/${row.code}` : null} words={words} />
                    ) : (
                      <span className="text-stone-300" title={labels.filteredOut}>
                        ·
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}

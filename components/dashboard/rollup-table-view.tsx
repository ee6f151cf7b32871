"use client";

/** A roll-up row as the server formatted it: its eight figures in column order. */
export type RollupRowView = {
  key: string;
  name: string;
  href: string | null;
  withheld: boolean;
  /** reporting rate, completion, assessment, disagreements, overdue, on track, completed on time, completed late */
  figures: string[];
};

/**
 * The table of roll-ups. A client component only so that its rows travel to the page as a few
 * strings each rather than as an RSC element tree next to the same HTML (as matrix-table.tsx):
 * every word and figure is formatted on the server (rollup-table.tsx).
 */
export function RollupTableView({ id, caption, headers, rows, withheldTitle }: { id: string; caption: string; headers: string[]; rows: RollupRowView[]; withheldTitle: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white shadow-sm">
      <table className="rt min-w-full divide-y divide-stone-200 text-sm" id={id}>
        <caption className="px-3 py-2 text-start font-semibold">{caption}</caption>
        <thead className="bg-stone-50">
          <tr>
            {headers.map((header, i) => (
              <th key={i} scope="col">{header}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {rows.map(({ key, name, href, withheld, figures: [rate, completion, assessment, ...rest] }) => (
            <tr key={key} data-rollup={key} {...(withheld ? { "data-withheld": true } : {})}>
              <th scope="row">
                {href ? (
                  <a href={href} className="text-brand-700 hover:underline">
                    {name}
                  </a>
                ) : (
                  name
                )}
              </th>
              <td>{rate}</td>
              <td data-figure="completion">{withheld ? <span title={withheldTitle}>{completion}</span> : completion}</td>
              <td data-figure="assessment">{assessment}</td>
              {rest.map((figure, i) => (
                <td key={i}>{figure}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

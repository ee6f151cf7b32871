import type { MatrixCell } from "@/lib/data/dashboard";

/** Words of a cell's description, translated once for the whole matrix. */
export type CellWords = {
  status: Record<MatrixCell["status"], string>;
  /** "secretariat's assessment +1", by score. */
  assessment: Map<number, string>;
  /** The score as shown, by score. */
  score: Map<number, string>;
  disagreement: string;
  overdue: string;
  separator: string;
};

/**
 * One pair in the matrix, linked to its page when the viewer may open it: colour and glyph for its status, the secretariat's assessment, a mark
 * where the two disagree (≠) and one when overdue (!), drawn by CSS (dashboard.css) from its
 * class and `data-x`; the words are its accessible name. One element per pair: the matrix has
 * hundreds, each rendered into the HTML and again into the RSC payload.
 */
export function PairCell({ cell, href, words }: { cell: MatrixCell; href: string | null; words: CellWords }) {
  const overdue = cell.timeliness === "OVERDUE";
  // The row (commitment) and column (member state) headers name the pair.
  const label = [
    words.status[cell.status],
    cell.assessment === null ? null : words.assessment.get(cell.assessment)!,
    cell.disagreement ? words.disagreement : null,
    overdue ? words.overdue : null,
  ]
    .filter(Boolean)
    .join(words.separator);
  const marks = `${cell.assessment === null ? "" : words.score.get(cell.assessment)!}${cell.disagreement ? "≠" : ""}${overdue ? "!" : ""}`;
  const look = { "aria-label": label, className: `mx-c mx-${cell.status}`, "data-x": marks || undefined };
  // Without an href the pair's page would answer 404 to this viewer: nothing to follow.
  return href ? <a href={href} {...look} /> : <span role="img" {...look} />;
}

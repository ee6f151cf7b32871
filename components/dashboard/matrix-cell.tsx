import type { CellState } from "./matrix-codes";

/** Words of a cell's description, translated once for the whole matrix (on the server). */
export type CellWords = {
  status: Record<CellState["status"], string>;
  /** "secretariat's assessment +1", by score. */
  assessment: Record<`${-1 | 0 | 1}`, string>;
  /** The score as shown, by score. */
  score: Record<`${-1 | 0 | 1}`, string>;
  disagreement: string;
  overdue: string;
  separator: string;
};

/**
 * One pair in the matrix, linked to its page when the viewer may open it: colour and glyph for its status, the secretariat's assessment, a mark
 * where the two disagree (≠) and one when overdue (!), drawn by CSS (dashboard.css) from its
 * class and `data-x`; the words are its accessible name. One element per pair: the matrix has
 * hundreds.
 */
export function PairCell({ cell, href, words }: { cell: CellState; href: string | null; words: CellWords }) {
  // The row (commitment) and column (member state) headers name the pair.
  const label = [
    words.status[cell.status],
    cell.assessment === null ? null : words.assessment[`${cell.assessment}`],
    cell.disagreement ? words.disagreement : null,
    cell.overdue ? words.overdue : null,
  ]
    .filter(Boolean)
    .join(words.separator);
  const marks = `${cell.assessment === null ? "" : words.score[`${cell.assessment}`]}${cell.disagreement ? "≠" : ""}${cell.overdue ? "!" : ""}`;
  const look = { "aria-label": label, className: `mx-c mx-${cell.status}`, ...(marks ? { "data-x": marks } : {}) };
  // Without an href the pair's page would answer 404 to this viewer: nothing to follow.
  return href ? <a href={href} {...look} /> : <span role="img" {...look} />;
}

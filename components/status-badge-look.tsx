import type { DisplayedStatus } from "@/lib/status-scale";

// Colour and a glyph and a word: the status never depends on colour alone.
export const STATUS_LOOK: Record<DisplayedStatus, { className: string; glyph: string }> = {
  NOT_STARTED: { className: "bg-rose-50 text-rose-900 ring-rose-300", glyph: "○" },
  LIMITED: { className: "bg-amber-50 text-amber-900 ring-amber-300", glyph: "◔" },
  SUBSTANTIAL: { className: "bg-sky-50 text-sky-900 ring-sky-300", glyph: "◑" },
  COMPLETE: { className: "bg-emerald-50 text-emerald-900 ring-emerald-400", glyph: "●" },
  NOT_APPLICABLE: { className: "bg-stone-100 text-stone-700 ring-stone-300", glyph: "⊘" },
  NO_REPORT: { className: "bg-white text-stone-500 ring-stone-300", glyph: "–" },
  WITHHELD: { className: "bg-stone-50 text-stone-500 ring-stone-300", glyph: "▨" },
};

/** The badge with its word already translated: for client views, which get their words from the server. */
export function StatusBadgeLook({ status, word }: { status: DisplayedStatus; word: string }) {
  const look = STATUS_LOOK[status];
  return (
    <span
      data-status={status}
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${look.className}`}
    >
      <span aria-hidden="true">{look.glyph}</span>
      {word}
    </span>
  );
}

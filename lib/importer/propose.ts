import { findMarkers, firstMarker, type Marker } from "./classify";
import { splitClauses, trimClause } from "./clauses";
import { detectLanguage, type Language } from "./language";
import type { MarkerClass, ProposalKind } from "./lexicon";
import { normaliseText, toOriginalSpan } from "./normalise";
import { segment, type Span } from "./segment";
import { compileThemes, pickTheme, type ThemeKeywords } from "./themes";

export type Proposal = { text: string; start: number; end: number; kind: ProposalKind; theme?: string };

/**
 * Why a part of the communiqué is not proposed: ceremony and news ("narrative"), a consideration of
 * a resolution's preamble ("preamble": وإذ يؤكد …), no operative word ("no-operative-language"), a short title over a list ("heading"), or the line that introduces a
 * list ("lead-in": "قرر المجلس ما يلي:"), whose kind and theme pass to the items below it.
 */
export type SkipReason = "narrative" | "preamble" | "no-operative-language" | "heading" | "lead-in";

export type Skipped = { text: string; start: number; end: number; reason: SkipReason };

export type ProposeOptions = { language?: Language; themes: readonly ThemeKeywords[] };

export type ProposeResult = { language: Language; proposals: Proposal[]; skipped: Skipped[] };

const MAX_HEADING_WORDS = 10;

/**
 * Proposes commitments from the text of a communiqué: its operative clauses, each with the kind of
 * its operative language and a suggested theme. Offsets are UTF-16 indices into `text`, and
 * `text.slice(start, end)` is exactly the proposal's (or the skipped part's) text.
 */
export function proposeCommitments(text: string, options: ProposeOptions): ProposeResult {
  const language = options.language ?? detectLanguage(text);
  const doc = normaliseText(text);
  // Without a given language, each paragraph is read in its own (a bilingual paste keeps both halves).
  const markersIn: Partial<Record<Language, Marker[]>> = {};
  const markersOf = (lang: Language) => (markersIn[lang] ??= findMarkers(doc.text, lang));
  const themes = compileThemes(options.themes);
  const blocks = segment(doc);
  const proposals: Proposal[] = [];
  const skipped: Skipped[] = [];

  const original = (span: Span) => {
    const mapped = toOriginalSpan(doc, span.start, span.end);
    return { text: text.slice(mapped.start, mapped.end), ...mapped };
  };
  const themeOf = (span: Span | undefined) => (span ? pickTheme(themes, doc.text.slice(span.start, span.end)) : undefined);

  // Inside a list: the class of its lead-in, and the heading or lead-in whose theme the items fall back on.
  let leadIn: MarkerClass | undefined;
  let heading: Span | undefined;

  blocks.forEach((block, b) => {
    const next = blocks[b + 1];
    const blockLanguage = options.language ?? detectLanguage(doc.text.slice(block.start, block.end), language);
    const markers = markersOf(blockLanguage);
    if (block.list === null) {
      leadIn = undefined;
      heading = undefined;
    }
    block.sentences.forEach((sentence, s) => {
      const body = doc.text.slice(sentence.start, sentence.end);
      const marker = firstMarker(markers, sentence.start, sentence.end);
      const beforeList = s === block.sentences.length - 1 && next !== undefined && next.list !== null;
      if (beforeList && body.endsWith(":")) {
        if (marker) leadIn = marker.class;
        heading = sentence;
        skipped.push({ ...original(sentence), reason: "lead-in" });
        return;
      }
      const isHeading =
        beforeList &&
        block.sentences.length === 1 &&
        marker === undefined &&
        next.list !== block.list &&
        !/[.؟?!۔]$/u.test(body) &&
        (body.match(/[\p{L}\p{N}]+/gu) ?? []).length <= MAX_HEADING_WORDS;
      if (isHeading) {
        heading = sentence;
        skipped.push({ ...original(trimClause(doc.text, sentence.start, sentence.end)), reason: "heading" });
        return;
      }
      for (const clause of splitClauses(doc.text, sentence, markers, blockLanguage)) {
        const cls = clause.own?.class ?? clause.inherited ?? (block.list !== null ? leadIn : undefined);
        if (cls === undefined || cls === "narrative" || cls === "preamble") {
          skipped.push({ ...original(clause), reason: cls ?? "no-operative-language" });
          continue;
        }
        // Only a list item falls back on a theme: its heading's or lead-in's ("ثانياً: في مجال أمن الحدود").
        // Prose does not: the clauses of one sentence often name different things ("، وخطة مرحلية ثامنة …").
        const theme = themeOf(clause) ?? (block.list !== null ? themeOf(heading) : undefined);
        proposals.push({ ...original(clause), kind: cls, ...(theme === undefined ? {} : { theme }) });
      }
    });
  });
  return { language, proposals, skipped };
}

import { firstMarker, type Marker } from "./classify";
import type { Language } from "./language";
import {
  ARABIC_CONNECTIVES,
  ARABIC_COORDINATORS,
  ENGLISH_CONNECTIVES,
  ENGLISH_COORDINATORS,
  RELATIVE_AFTER_WAW,
  ROOT_WAW,
  type MarkerClass,
} from "./lexicon";
import type { Span } from "./segment";

// The clause rule (README.md, "Clauses"). A sentence is cut into clauses only where a new clause
// clearly begins, and never so that a clause loses the verb that governs it:
//  - strong: at ؛ or ;
//  - weak: at ، or , followed by a coordinator (a word with و attached, مع، كما …; and, as well as …)
//  - verbal: before a finite verb or modal that is joined by و/ف or by كما، كذلك، وبالتالي … / "and"
// What comes before a cut must already be operative or narrative: framing ("من جانب آخر،",
// "وتضمن البيان الختامي كذلك،") stays with the verb that follows it. A weak cut with no verb of its
// own after it is made only after an operative clause, for at least three words, and not at the
// end of a list of short items ("drugs, arms, and trafficking in persons"). A clause without a
// marker of its own continues the clause before it and inherits its class.

export type ClauseCut = "sentence" | "strong" | "weak" | "verbal";

export type Clause = Span & {
  cut: ClauseCut;
  /** The first marker inside the clause, if any. */
  own: Marker | undefined;
  /** The class taken over from the clause before it in the sentence, when it has no marker of its own. */
  inherited: MarkerClass | undefined;
};

type Candidate = { at: number; resume: number; type: Exclude<ClauseCut, "sentence"> };

const WORD = /[\p{L}\p{N}]+/gu;
const SEPARATORS = new Set(["،", ",", "؛", ";"]);
const MIN_CONTINUATION_WORDS = 3;
const MAX_LIST_ITEM_WORDS = 3;

function countWords(text: string): number {
  return [...text.matchAll(WORD)].length;
}

function skipSpaces(text: string, at: number, end: number): number {
  while (at < end && /\s/u.test(text.charAt(at))) at++;
  return at;
}

function opensCoordinatedClause(text: string, at: number, markers: readonly Marker[], language: Language): boolean {
  const rest = text.slice(at);
  if (language === "en") {
    return ENGLISH_COORDINATORS.some((c) => rest.startsWith(c) && !/[\p{L}\p{N}]/u.test(rest.charAt(c.length)));
  }
  const word = /^[\p{L}\p{N}]+/u.exec(rest)?.[0] ?? "";
  if (ARABIC_COORDINATORS.includes(word)) return true;
  if (word.length < 3 || RELATIVE_AFTER_WAW.test(word)) return false;
  if (word.startsWith("و")) return !ROOT_WAW.test(word);
  // ف opens a clause only on a marker (فيجب، فإن …): too many words start with a root ف (فريق، فرص).
  return word.startsWith("ف") && markers.some((m) => m.start === at);
}

const connectiveAtEnd = (connectives: readonly string[]) =>
  connectives.map((c) => new RegExp(`(?<![\\p{L}\\p{N}])${c.replace(/ /g, "\\s+")}\\s+$`, "u"));
const CONNECTIVES_AT_END: Record<Language, RegExp[]> = {
  ar: connectiveAtEnd(ARABIC_CONNECTIVES),
  en: connectiveAtEnd(ENGLISH_CONNECTIVES),
};

/** Where a verbal marker opens a new clause, the position of the cut (its connective), or null. */
function verbalCut(text: string, sentence: Span, marker: Marker, language: Language): number | null {
  if (!marker.verbal || marker.start <= sentence.start) return null;
  if (language === "ar" && marker.conjoined) return marker.start;
  // Only the last few words before the verb matter.
  const from = Math.max(sentence.start, marker.start - 40);
  const before = text.slice(from, marker.start);
  for (const regex of CONNECTIVES_AT_END[language]) {
    const match = regex.exec(before);
    if (match && (match.index > 0 || from === sentence.start || /[^\p{L}\p{N}]/u.test(text.charAt(from - 1)))) {
      return from + match.index;
    }
  }
  return null;
}

function candidates(text: string, sentence: Span, markers: readonly Marker[], language: Language): Candidate[] {
  const found: Candidate[] = [];
  for (let i = sentence.start; i < sentence.end; i++) {
    const ch = text.charAt(i);
    if (ch === "؛" || ch === ";") found.push({ at: i, resume: i + 1, type: "strong" });
    else if (ch === "،" || ch === ",") {
      const next = skipSpaces(text, i + 1, sentence.end);
      if (next > i + 1 && opensCoordinatedClause(text, next, markers, language)) found.push({ at: i, resume: i + 1, type: "weak" });
    }
  }
  for (const marker of markers) {
    if (marker.start < sentence.start || marker.start >= sentence.end) continue;
    const at = verbalCut(text, sentence, marker, language);
    if (at === null) continue;
    // Right after a comma or a semicolon the punctuation already cuts.
    const punctuation = found.find((c) => c.type !== "verbal" && skipSpaces(text, c.resume, sentence.end) === at);
    if (punctuation === undefined) found.push({ at, resume: at, type: "verbal" });
  }
  return found.sort((a, b) => a.at - b.at);
}

function classOf(markers: readonly Marker[], span: Span, inherited: MarkerClass | undefined): MarkerClass | undefined {
  return firstMarker(markers, span.start, span.end)?.class ?? inherited;
}

/** The words since the last separator before `at`: a short run is an item of a list. */
function lastChunkWords(text: string, from: number, at: number): number {
  let start = at;
  while (start > from && !SEPARATORS.has(text.charAt(start - 1))) start--;
  return countWords(text.slice(start, at));
}

function wordsUntilSeparator(text: string, from: number, end: number): number {
  let stop = from;
  while (stop < end && !SEPARATORS.has(text.charAt(stop))) stop++;
  return countWords(text.slice(from, stop));
}

/** A clause or a heading never starts or ends on a separator: "، ولمواجهة …" becomes "ولمواجهة …". */
export function trimClause(text: string, start: number, end: number): Span {
  while (start < end && /[\s،,؛;]/u.test(text.charAt(start))) start++;
  while (end > start && /[\s،,؛;]/u.test(text.charAt(end - 1))) end--;
  return { start, end };
}

export function splitClauses(text: string, sentence: Span, markers: readonly Marker[], language: Language): Clause[] {
  const cuts = candidates(text, sentence, markers, language);
  const clauses: Clause[] = [];
  let start = sentence.start;
  let cut: ClauseCut = "sentence";
  let inherited: MarkerClass | undefined;

  const emit = (end: number) => {
    const span = trimClause(text, start, end);
    if (span.start < span.end && /[\p{L}\p{N}]/u.test(text.slice(span.start, span.end))) {
      const own = firstMarker(markers, span.start, span.end);
      clauses.push({ ...span, cut, own, inherited: own ? undefined : inherited });
    }
  };

  cuts.forEach((candidate, index) => {
    const before: Span = { start, end: candidate.at };
    const beforeClass = classOf(markers, before, inherited);
    if (beforeClass === undefined && candidate.type !== "strong") return;
    const pieceEnd = cuts[index + 1]?.at ?? sentence.end;
    const afterOwn = firstMarker(markers, candidate.resume, pieceEnd);
    if (candidate.type === "weak" && afterOwn === undefined) {
      const continues =
        beforeClass !== undefined &&
        beforeClass !== "narrative" &&
        beforeClass !== "preamble" &&
        wordsUntilSeparator(text, candidate.resume, sentence.end) >= MIN_CONTINUATION_WORDS &&
        lastChunkWords(text, start, candidate.at) > MAX_LIST_ITEM_WORDS;
      if (!continues) return;
    }
    emit(candidate.at);
    inherited = beforeClass;
    start = candidate.resume;
    cut = candidate.type;
  });
  emit(sentence.end);
  return clauses;
}

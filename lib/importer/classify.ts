import type { Language } from "./language";
import { ARABIC_LEXICON, ENGLISH_LEXICON, type LexiconEntry, type MarkerClass } from "./lexicon";

/** One operative or narrative word found in the normalised text. */
export type Marker = {
  start: number;
  end: number;
  class: MarkerClass;
  verbal: boolean;
  /** The word carries an attached و or ف (وشدد، فيجب): it continues what came before. */
  conjoined: boolean;
};

const NOT_WORD_BEFORE = "(?<![\\p{L}\\p{N}])";
const NOT_WORD_AFTER = "(?![\\p{L}\\p{N}])";

function arabicSource(entry: LexiconEntry): string {
  // Nouns take a preposition and the article (بضرورة، للتأكيد، بالإشادة); verbs only و/ف.
  const article = entry.articleRequired ? "(?:[بك]?ال|لل)" : "(?:[بكل]?ال|لل|[بكل])?";
  const proclitics = entry.noun ? `(?<conj>[وف])?${article}` : "(?<conj>[وف])?";
  return `${NOT_WORD_BEFORE}${proclitics}(?:${entry.pattern})${NOT_WORD_AFTER}`;
}

function englishSource(entry: LexiconEntry): string {
  return `${NOT_WORD_BEFORE}(?:${entry.pattern})${NOT_WORD_AFTER}`;
}

type CompiledEntry = { entry: LexiconEntry; regex: RegExp };

const compiled: Record<Language, CompiledEntry[]> = {
  ar: ARABIC_LEXICON.map((entry) => ({ entry, regex: new RegExp(arabicSource(entry), "gu") })),
  en: ENGLISH_LEXICON.map((entry) => ({ entry, regex: new RegExp(englishSource(entry), "gu") })),
};

/** Every marker of the language's lexicon in the normalised text, in reading order, without overlaps. */
export function findMarkers(normalised: string, language: Language): Marker[] {
  const found: Marker[] = [];
  for (const { entry, regex } of compiled[language]) {
    for (const match of normalised.matchAll(regex)) {
      found.push({
        start: match.index,
        end: match.index + match[0].length,
        class: entry.class,
        verbal: entry.verbal,
        conjoined: match.groups?.conj !== undefined,
      });
    }
  }
  // Where two entries match the same words, the longer match (the phrase) wins.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const markers: Marker[] = [];
  for (const marker of found) {
    const last = markers.at(-1);
    if (last === undefined || marker.start >= last.end) markers.push(marker);
  }
  return markers;
}

/** The first marker inside [start, end): in a clause, the first operative or narrative word decides. */
export function firstMarker(markers: readonly Marker[], start: number, end: number): Marker | undefined {
  // Markers are sorted by start: binary search for the first one at or after `start`.
  let low = 0;
  let high = markers.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((markers[middle]?.start ?? Infinity) < start) low = middle + 1;
    else high = middle;
  }
  const marker = markers[low];
  return marker !== undefined && marker.start < end ? marker : undefined;
}

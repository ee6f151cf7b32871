// Matching works on a normalised copy of the communiqué; every offset found there is mapped back
// through `origin`, so what the importer returns always points into the text as submitted.

export type NormalisedText = {
  /** The text as submitted. */
  original: string;
  /** The copy used for matching: same characters minus marks, Arabic letters folded, Latin lowercased. */
  text: string;
  /** origin[i] is the index in `original` of the character that produced text[i]. */
  origin: number[];
};

// Harakat, Quranic marks, superscript alef and tatweel carry no meaning for matching.
const DROPPED = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/;
// Invisible format characters (zero-width, direction marks, BOM) that pasted text often carries.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD]/;
// Presentation forms come out of PDF extraction; NFKC turns them back into ordinary letters.
const PRESENTATION_FORM = /[\uFB50-\uFDFF\uFE70-\uFEFC]/;

const FOLDED: Record<string, string> = {
  "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
  "ى": "ي", "ئ": "ي", "ی": "ي",
  "ؤ": "و",
  "ة": "ه",
  "ک": "ك",
  "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
  "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4", "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9",
  "\u00A0": " ", "\u2007": " ", "\u202F": " ",
};

function foldCharacter(ch: string): string {
  const folded = FOLDED[ch];
  if (folded !== undefined) return folded;
  const lower = ch.toLowerCase();
  // A few letters lowercase to two characters (İ); keep them as they are so offsets stay one to one.
  return lower.length === 1 ? lower : ch;
}

export function normaliseText(original: string): NormalisedText {
  let text = "";
  const origin: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const ch = original.charAt(i);
    if (DROPPED.test(ch) || INVISIBLE.test(ch)) continue;
    const expanded = PRESENTATION_FORM.test(ch) ? ch.normalize("NFKC") : ch;
    for (const part of expanded) {
      for (let k = 0; k < part.length; k++) {
        text += foldCharacter(part.charAt(k));
        origin.push(i);
      }
    }
  }
  return { original, text, origin };
}

/** Normalises a keyword or a lexicon entry the same way as the text it is matched against. */
export function normaliseForMatching(value: string): string {
  return normaliseText(value).text.replace(/\s+/g, " ").trim();
}

// Whitespace plus the invisible characters that normalisation drops: a span never starts or ends on them.
const TRIMMED = /[\s\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD]/;

/**
 * Maps the normalised span [start, end) back to the original text and trims it. The end is taken
 * just before the next kept character, so marks and tatweel after the last letter stay inside.
 */
export function toOriginalSpan(doc: NormalisedText, start: number, end: number): { start: number; end: number } {
  let from = start < doc.origin.length ? (doc.origin[start] ?? doc.original.length) : doc.original.length;
  let to = end < doc.origin.length ? (doc.origin[end] ?? doc.original.length) : doc.original.length;
  while (from < to && TRIMMED.test(doc.original.charAt(from))) from++;
  while (to > from && TRIMMED.test(doc.original.charAt(to - 1))) to--;
  return { start: from, end: to };
}

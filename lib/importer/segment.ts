import { ENGLISH_ABBREVIATIONS, ORDINAL_WORDS_AR, ORDINAL_WORDS_EN } from "./lexicon";
import type { NormalisedText } from "./normalise";

// All offsets here are into the normalised text; propose.ts maps them back.

export type Span = { start: number; end: number };

export type ListStyle = "number" | "letter" | "roman" | "ordinal" | "bullet";

/** A paragraph or a list item: one line of the communiqué, or several when a line was only wrapped. */
export type Block = Span & {
  /** The list marker's kind when the block is a list item; the marker itself is outside the span. */
  list: ListStyle | null;
  sentences: Span[];
};

const ORDINALS = [...ORDINAL_WORDS_AR, ...ORDINAL_WORDS_EN.flatMap((w) => [w, `${w}ly`])]
  .map((w) => w.replace(/ /g, "\\s+"))
  .join("|");

// Tried in order at the start of a line (after its indentation). "1." must not take "1.5".
const LIST_MARKERS: { style: ListStyle; regex: RegExp }[] = [
  { style: "number", regex: /^(?:\(\d{1,3}\)|\d{1,3}\s?[-–—)]|\d{1,3}\.(?!\d))/u },
  { style: "ordinal", regex: new RegExp(`^(?:${ORDINALS})\\s*[:\\-–—.)]`, "u") },
  { style: "letter", regex: /^(?:\([a-z]\)|[a-z][.)](?=\s)|\([ابجدهوزحطي]\)|[ابجدهوزحطي]\s?[-–)])/u },
  { style: "roman", regex: /^(?:[ivx]{1,4})[.)](?=\s)/u },
  { style: "bullet", regex: /^[-–—•●▪■◦○·*](?![-\d])/u },
];

function listMarker(line: string): { style: ListStyle; length: number } | null {
  for (const { style, regex } of LIST_MARKERS) {
    const match = regex.exec(line);
    if (match) return { style, length: match[0].length };
  }
  return null;
}

const SPACE = /\s/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const CLOSERS = new Set([")", "]", "»", "\"", "'", "”", "’", "›"]);
const TERMINATORS = new Set(["?", "!", "؟"]);
const FULL_STOPS = new Set([".", "۔"]);

function isLowercaseLatin(doc: NormalisedText, at: number): boolean {
  const ch = doc.original.charAt(doc.origin[at] ?? -1);
  return /\p{Script=Latin}/u.test(ch) && ch === ch.toLowerCase() && ch !== ch.toUpperCase();
}

// "Mr.", "e.g.", "U.N.", "د." (an Arabic initial): a period after them does not end the sentence.
function isAbbreviation(text: string, from: number, dot: number): boolean {
  let start = dot;
  while (start > from && !SPACE.test(text.charAt(start - 1)) && text.charAt(start - 1) !== "(") start--;
  const token = text.slice(start, dot);
  if (/^\p{L}$/u.test(token)) return true;
  if (/^(?:\p{L}\.)+\p{L}$/u.test(token)) return true;
  return ENGLISH_ABBREVIATIONS.has(token);
}

function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && SPACE.test(text.charAt(start))) start++;
  while (end > start && SPACE.test(text.charAt(end - 1))) end--;
  return { start, end };
}

function hasContent(text: string, span: Span): boolean {
  return LETTER_OR_DIGIT.test(text.slice(span.start, span.end));
}

/** Sentences of one block: split after . ؟ ? ! (and their closing quotes), never inside "3.5" or "U.N.". */
export function splitSentences(doc: NormalisedText, block: Span): Span[] {
  const text = doc.text;
  const sentences: Span[] = [];
  let start = block.start;
  const push = (end: number) => {
    const span = trimSpan(text, start, end);
    if (hasContent(text, span)) sentences.push(span);
    start = end;
  };
  for (let i = block.start; i < block.end; i++) {
    const ch = text.charAt(i);
    if (!TERMINATORS.has(ch) && !FULL_STOPS.has(ch)) continue;
    let last = i;
    while (last + 1 < block.end && (TERMINATORS.has(text.charAt(last + 1)) || FULL_STOPS.has(text.charAt(last + 1)))) last++;
    while (last + 1 < block.end && CLOSERS.has(text.charAt(last + 1))) last++;
    const next = last + 1;
    if (FULL_STOPS.has(ch) && last === i) {
      if (next < block.end && !SPACE.test(text.charAt(next))) continue;
      if (isAbbreviation(text, block.start, i)) continue;
      let following = next;
      while (following < block.end && SPACE.test(text.charAt(following))) following++;
      if (following < block.end && isLowercaseLatin(doc, following)) continue;
    }
    push(next);
    i = last;
  }
  push(block.end);
  return sentences;
}

type Line = Span & { list: { style: ListStyle; length: number } | null };

function lines(doc: NormalisedText): Line[] {
  const result: Line[] = [];
  const breaks = /\r\n|[\n\r\u2028\u2029]/gu;
  let start = 0;
  const add = (end: number) => {
    const span = trimSpan(doc.text, start, end);
    const list = span.start < span.end ? listMarker(doc.text.slice(span.start, span.end)) : null;
    result.push({ ...span, list });
  };
  for (const match of doc.text.matchAll(breaks)) {
    add(match.index);
    start = match.index + match[0].length;
  }
  add(doc.text.length);
  return result;
}

/**
 * Lines become blocks. A line break ends a sentence, except where the line was only wrapped: the next
 * line is no list item and starts with a lowercase Latin letter, or the line ends with a comma and is
 * no list item itself (the considerations of a resolution end with commas, one per item).
 */
export function segment(doc: NormalisedText): Block[] {
  const blocks: Block[] = [];
  let current: (Span & { list: ListStyle | null }) | null = null;
  const close = () => {
    if (current && current.start < current.end) {
      blocks.push({ ...current, sentences: splitSentences(doc, current) });
    }
    current = null;
  };
  for (const line of lines(doc)) {
    if (line.start === line.end) {
      close();
      continue;
    }
    const wrapped =
      current !== null &&
      line.list === null &&
      ((current.list === null && /[,،]$/u.test(doc.text.slice(current.start, current.end))) || isLowercaseLatin(doc, line.start));
    if (wrapped && current !== null) {
      current.end = line.end;
      continue;
    }
    close();
    const contentStart = line.list ? trimSpan(doc.text, line.start + line.list.length, line.end).start : line.start;
    current = { start: contentStart, end: line.end, list: line.list?.style ?? null };
  }
  close();
  return blocks;
}

import { normaliseForMatching, normaliseText } from "./normalise";

export type ThemeKeywords = { key: string; keywords: readonly string[] };

export type CompiledTheme = { key: string; patterns: RegExp[] };

const ARABIC = /\p{Script=Arabic}/u;

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// An Arabic keyword word is found with its proclitics (و ف ب ك ل) and with or without its
// article: "الحدود" also counts in "للحدود", "بالحدود", "حدود الدول" and "تسللهم" for "التسلل",
// because the article gives way to a preposition, to idafa and to a possessive suffix.
function arabicWord(word: string): string {
  const proclitics = "(?:[وف]?[بكل]?)";
  if (word.startsWith("ال") && word.length >= 5) {
    const stem = escape(word.slice(2));
    return `(?:[وف]?[بك]?ال|[وف]?لل|${proclitics})${stem}`;
  }
  return `${proclitics}${escape(word)}`;
}

/**
 * One pattern per keyword. The keyword must start a word; its last word may go on (suffixes, plurals:
 * "border" in "borders", "التدريب" in "التدريبية"), the words before it must be whole.
 */
export function compileKeyword(keyword: string): RegExp | null {
  const words = normaliseForMatching(keyword).split(" ").filter((w) => w.length > 0);
  if (words.length === 0) return null;
  const parts = words.map((word) => (ARABIC.test(word) ? arabicWord(word) : escape(word)));
  return new RegExp(`(?<![\\p{L}\\p{N}])${parts.join("\\s+")}`, "gu");
}

export function compileThemes(themes: readonly ThemeKeywords[]): CompiledTheme[] {
  return themes.map((theme) => {
    const unique = new Set(theme.keywords.map(normaliseForMatching).filter((k) => k.length > 0));
    const patterns = [...unique].map(compileKeyword).filter((p): p is RegExp => p !== null);
    return { key: theme.key, patterns };
  });
}

/** Keyword hits per theme in normalised text, in the order of the list. */
export function countThemeHits(themes: readonly CompiledTheme[], normalised: string): number[] {
  return themes.map((theme) => theme.patterns.reduce((sum, pattern) => sum + [...normalised.matchAll(pattern)].length, 0));
}

/** The theme with the most keyword hits; the first in the list on a tie; undefined without a hit. */
export function pickTheme(themes: readonly CompiledTheme[], normalised: string): string | undefined {
  const hits = countThemeHits(themes, normalised);
  let best: string | undefined;
  let bestHits = 0;
  hits.forEach((count, i) => {
    if (count > bestHits) {
      bestHits = count;
      best = themes[i]?.key;
    }
  });
  return best;
}

/** Suggests a theme for a piece of text (any spelling: it is normalised here). */
export function suggestTheme(text: string, themes: readonly ThemeKeywords[]): string | undefined {
  return pickTheme(compileThemes(themes), normaliseText(text).text);
}

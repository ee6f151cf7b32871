export type Language = "ar" | "en";

const ARABIC_LETTER = /\p{Script=Arabic}/u;
const LATIN_LETTER = /\p{Script=Latin}/u;

/**
 * The language of a communiqué from the share of Arabic letters among Arabic and Latin ones: Arabic
 * text quoting a few English names or acronyms stays Arabic. Ties and texts without letters get
 * `fallback`: Arabic, the Council's working language, unless the caller knows better.
 */
export function detectLanguage(text: string, fallback: Language = "ar"): Language {
  let arabic = 0;
  let latin = 0;
  for (const ch of text) {
    if (!/\p{L}/u.test(ch)) continue;
    if (ARABIC_LETTER.test(ch)) arabic++;
    else if (LATIN_LETTER.test(ch)) latin++;
  }
  if (latin === arabic) return fallback;
  return latin > arabic ? "en" : "ar";
}

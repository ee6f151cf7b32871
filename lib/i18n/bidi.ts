// Text typed by users, shown inside the app's own sentences ("by {name} (delegate)"), option
// labels, tooltips and page titles: wrapped in a Unicode first-strong isolate (U+2068 … U+2069),
// so that its direction — Arabic in an English sentence, or a stray U+202E override — cannot
// reorder the words around it. In markup, use <bdi> instead.
const FSI = "\u2068";
const PDI = "\u2069";

export function isolate(text: string): string {
  return `${FSI}${text}${PDI}`;
}

const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * A web address as shown to readers: its bidi controls percent-encoded, as the browser sends
 * them, so that "https://example.gov/report\u202Efdp.exe" cannot pass for a link to a PDF.
 */
export function displayUrl(url: string): string {
  return url.replace(BIDI_CONTROLS, (char) => encodeURIComponent(char));
}

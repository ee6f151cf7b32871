// What an evidence file is, decided by its content (magic numbers), never by its name or by
// the type the browser claims. Only documents people send as evidence are accepted: PDF,
// PNG/JPEG/GIF/WebP images, and Office documents (OOXML and the legacy binary formats).
import { fileTypeFromBuffer } from "file-type/core";
import { ACCEPTED, type EvidenceType } from "./evidence-limits";

export * from "./evidence-limits";

// The stream that makes a Compound File Binary container a Word, Excel or PowerPoint file.
const LEGACY_OFFICE_STREAMS: [string, string][] = [
  ["WordDocument", "doc"],
  ["Workbook", "xls"],
  ["Book", "xls"],
  ["PowerPoint Document", "ppt"],
];

/**
 * Which legacy Office format a CFB (OLE2) container holds, from the names of its directory
 * entries. Directory entries are 128 bytes long and sectors start at 512 + n × sector size,
 * so every entry starts at 512 + k × 128: each is checked for a stream of a known name.
 */
export function legacyOfficeKind(bytes: Uint8Array): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found = new Set<string>();
  for (let at = 512; at + 128 <= bytes.length; at += 128) {
    const nameLength = view.getUint16(at + 64, true);
    const objectType = bytes[at + 66];
    if (objectType !== 2 || nameLength < 4 || nameLength > 64 || nameLength % 2 !== 0) continue;
    let name = "";
    for (let i = 0; i < nameLength - 2; i += 2) name += String.fromCharCode(view.getUint16(at + i, true));
    for (const [stream, kind] of LEGACY_OFFICE_STREAMS) if (name === stream) found.add(kind);
  }
  for (const kind of ["doc", "ppt", "xls"]) if (found.has(kind)) return kind;
  return null;
}

/** The accepted type of these bytes, or null when they are not an accepted kind of document. */
export async function detectEvidenceType(bytes: Uint8Array): Promise<EvidenceType | null> {
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected) return null;
  const ext = detected.ext === "cfb" ? legacyOfficeKind(bytes) : detected.ext;
  if (!ext || !(ext in ACCEPTED)) return null;
  return { ext, mime: ACCEPTED[ext]! };
}

/** Extensions that name the same type as the detected one. */
const SAME_TYPE: Record<string, string[]> = { jpg: ["jpg", "jpeg", "jpe"] };

/**
 * A file name safe to store and to send back: no path, no control characters, no bidi controls
 * (U+202E makes "report\u202Efdp.exe" look like "reportexe.pdf"), at most 200 characters, and
 * ending in the extension of the type its bytes were detected as (`ext`): a PDF uploaded as
 * "x.html" downloads as "x.html.pdf", so that no program opens it as something else.
 */
export function safeFilename(name: string, ext: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>|:*?\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "").replace(/\s+/g, " ").trim();
  const chars = [...cleaned];
  const short = chars.length > 200 ? chars.slice(chars.length - 200).join("") : cleaned;
  if (!short || short === "." || short === "..") return `evidence.${ext}`;
  const dot = short.lastIndexOf(".");
  const given = dot > 0 ? short.slice(dot + 1).toLowerCase() : "";
  return (SAME_TYPE[ext] ?? [ext]).includes(given) ? short : `${short}.${ext}`;
}

/** Content-Disposition for a download: always an attachment, the name in ASCII and in UTF-8. */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

// Limits and accepted types of evidence files: plain constants, shared by the form (client)
// and the server-side checks in lib/evidence-type.ts.

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
/** Files one save of the report form may carry (the request body limit in next.config.js follows). */
export const EVIDENCE_FILES_PER_SAVE = 3;
/** Files one report may carry in all. */
export const EVIDENCE_FILES_PER_REPORT = 10;

export type EvidenceType = { ext: string; mime: string };

export const ACCEPTED: Record<string, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
  ppt: "application/vnd.ms-powerpoint",
};

export const ACCEPTED_MIME_TYPES = Object.values(ACCEPTED);


/** The file input's `accept`: a hint for the browser's picker; the server decides by content. */
export const ACCEPT_ATTRIBUTE = [...ACCEPTED_MIME_TYPES, ".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx"].join(",");

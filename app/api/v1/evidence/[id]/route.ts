import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { getEvidenceDownload } from "@/lib/data/evidence";
import { NotFoundError } from "@/lib/errors";
import { attachmentDisposition } from "@/lib/evidence-type";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/evidence/{id} — an evidence file, to those who may read its report (404 for
 * everyone else). Always a download, with the type found by content and no sniffing, so
 * that a file can never be rendered as a page of this site.
 */
export const GET = apiRoute<{ id: string }>(async (_request, actor, { id }) => {
  if (!z.uuid().safeParse(id).success) throw new NotFoundError("evidence file");
  const file = await getEvidenceDownload(actor, id);
  return new Response(new Blob([file.content as Uint8Array<ArrayBuffer>]), {
    status: 200,
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(file.size),
      "Content-Disposition": attachmentDisposition(file.filename),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
      // RFC 9530: lets a client check what it received against what was uploaded.
      "Repr-Digest": `sha-256=:${Buffer.from(file.sha256, "hex").toString("base64")}:`,
    },
  });
});

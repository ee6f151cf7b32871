import { describe, expect, it } from "vitest";
import { ACCEPTED_SAMPLES, REFUSED_SAMPLES } from "@/tests/evidence-samples";
import { attachmentDisposition, detectEvidenceType, safeFilename } from "./evidence-type";

describe("evidence types, by content", () => {
  for (const [ext, sample] of Object.entries(ACCEPTED_SAMPLES)) {
    it(`accepts ${ext}`, async () => {
      expect(await detectEvidenceType(sample.bytes)).toEqual({ ext, mime: sample.mime });
    });
  }
  // Threat: a script-bearing file (HTML, SVG) or a program uploaded as "evidence" and served
  // back to another user, whatever name or type the uploader claims; only the bytes decide.
  for (const [kind, sample] of Object.entries(REFUSED_SAMPLES)) {
    it(`refuses ${kind} (named ${sample.name})`, async () => {
      expect(await detectEvidenceType(sample.bytes)).toBeNull();
    });
  }
});

describe("file names", () => {
  it("drops paths and control characters and keeps Arabic", () => {
    expect(safeFilename("../../etc/passwd", "pdf")).toBe("passwd.pdf");
    expect(safeFilename("C:\\Users\\x\\تقرير.pdf", "pdf")).toBe("تقرير.pdf");
    expect(safeFilename("a\u0000b\r\n.pdf", "pdf")).toBe("ab.pdf");
    expect(safeFilename("", "pdf")).toBe("evidence.pdf");
  });

  // Threat: a file name whose bidi override hides its real extension from the reader
  // ("report\u202Efdp.exe" shows as "reportexe.pdf"), or whose name carries markup into a page
  // or a download header.
  it("drops bidi controls and markup characters", () => {
    expect(safeFilename("report\u202Efdp.exe", "pdf")).toBe("reportfdp.exe.pdf");
    expect(safeFilename("\u2067تقرير\u2069 \u200Freport.pdf", "pdf")).toBe("تقرير report.pdf");
    expect(safeFilename("<img src=x onerror=alert(1)>.pdf", "pdf")).toBe("img src=x onerror=alert(1).pdf");
  });

  // Threat: a PDF/HTML polyglot uploaded as "page.html" and opened from the downloads folder by
  // the browser as a page; the bytes decide the type, and the name follows them.
  it("ends in the extension of the detected type", () => {
    expect(safeFilename("page.html", "pdf")).toBe("page.html.pdf");
    expect(safeFilename("report.PDF", "pdf")).toBe("report.PDF");
    expect(safeFilename("photo.jpeg", "jpg")).toBe("photo.jpeg");
    expect(safeFilename("photo.JPG", "jpg")).toBe("photo.JPG");
    expect(safeFilename("scan.png", "jpg")).toBe("scan.png.jpg");
    expect(safeFilename(".pdf", "pdf")).toBe(".pdf.pdf");
    expect(safeFilename("تقرير", "docx")).toBe("تقرير.docx");
  });

  it("always answers an attachment, with an ASCII and a UTF-8 name", () => {
    expect(attachmentDisposition('تقرير "1".pdf')).toBe(
      `attachment; filename="_____ _1_.pdf"; filename*=UTF-8''${encodeURIComponent('تقرير "1".pdf')}`,
    );
  });
});

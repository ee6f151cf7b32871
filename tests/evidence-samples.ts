// Small but well-formed sample files of every accepted evidence type, and some that must be
// refused, built in memory for unit, integration and browser tests.
import { crc32 } from "node:zlib";

const PNG_1X1 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

/** A ZIP archive of stored (uncompressed) entries. */
export function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const centralSize = centrals.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

function ooxml(mainType: string, folder: string): Buffer {
  return zip({
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/${folder}/main.xml" ContentType="${mainType}"/></Types>`,
    [`${folder}/main.xml`]: "<x/>",
  });
}

/** A Compound File Binary container whose directory holds a root entry and one stream. */
export function cfb(streamName: string): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24);
  header.writeUInt16LE(0x0003, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  const directory = Buffer.alloc(512);
  const entry = (index: number, name: string, type: number) => {
    const at = index * 128;
    directory.write(name, at, "utf16le");
    directory.writeUInt16LE((name.length + 1) * 2, at + 64);
    directory[at + 66] = type;
  };
  entry(0, "Root Entry", 5);
  entry(1, streamName, 2);
  return Buffer.concat([header, directory, Buffer.alloc(512)]);
}

export const ACCEPTED_SAMPLES: Record<string, { name: string; bytes: Buffer; mime: string }> = {
  pdf: { name: "plan.pdf", bytes: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"), mime: "application/pdf" },
  png: { name: "photo.png", bytes: Buffer.from(PNG_1X1, "base64"), mime: "image/png" },
  jpg: {
    name: "photo.jpg",
    bytes: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from("JFIF\0"), Buffer.alloc(64), Buffer.from([0xff, 0xd9])]),
    mime: "image/jpeg",
  },
  gif: { name: "chart.gif", bytes: Buffer.concat([Buffer.from("GIF89a"), Buffer.from([1, 0, 1, 0, 0, 0, 0]), Buffer.from([0x3b])]), mime: "image/gif" },
  webp: {
    name: "chart.webp",
    bytes: Buffer.concat([Buffer.from("RIFF"), Buffer.from([26, 0, 0, 0]), Buffer.from("WEBPVP8 "), Buffer.alloc(18)]),
    mime: "image/webp",
  },
  docx: {
    name: "report.docx",
    bytes: ooxml("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "word"),
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  },
  xlsx: {
    name: "figures.xlsx",
    bytes: ooxml("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "xl"),
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  },
  pptx: {
    name: "slides.pptx",
    bytes: ooxml("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml", "ppt"),
    mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  },
  doc: { name: "old.doc", bytes: cfb("WordDocument"), mime: "application/msword" },
  xls: { name: "old.xls", bytes: cfb("Workbook"), mime: "application/vnd.ms-excel" },
  ppt: { name: "old.ppt", bytes: cfb("PowerPoint Document"), mime: "application/vnd.ms-powerpoint" },
};

export const REFUSED_SAMPLES: Record<string, { name: string; bytes: Buffer }> = {
  html: { name: "evidence.pdf", bytes: Buffer.from("<!doctype html><script>alert(1)</script>") },
  svg: { name: "chart.png", bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') },
  text: { name: "notes.txt", bytes: Buffer.from("plain text notes") },
  exe: { name: "report.pdf", bytes: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(62), Buffer.from("PE\0\0"), Buffer.alloc(200)]) },
  zip: { name: "archive.docx", bytes: zip({ "readme.txt": "not an office document" }) },
  msi: { name: "setup.doc", bytes: cfb("SummaryInformationX") },
};

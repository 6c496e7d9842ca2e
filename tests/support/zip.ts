import { deflateRawSync } from 'node:zlib';

/** One file in a zip built by {@link buildZip}. */
export interface ZipEntry {
  name: string;
  content: string | Uint8Array;
  /** Deflate the entry and write its sizes in a data descriptor after the data, as Word does. */
  deflate?: boolean;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * A real, minimal zip archive (local headers, optional data descriptors, central directory, end
 * record) that unzip and office suites open, so the file-type tests read the same structure as
 * uploaded ODT and DOCX files, without a zip library.
 */
export function buildZip(entries: readonly ZipEntry[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const raw = typeof entry.content === 'string' ? Buffer.from(entry.content, 'utf8') : Buffer.from(entry.content);
    const data = entry.deflate ? deflateRawSync(raw) : raw;
    const crc = crc32(raw);
    const flags = entry.deflate ? 0x0808 : 0x0800; // UTF-8 names; bit 3 = sizes in a data descriptor
    const method = entry.deflate ? 8 : 0;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(entry.deflate ? 0 : crc, 14);
    local.writeUInt32LE(entry.deflate ? 0 : data.length, 18);
    local.writeUInt32LE(entry.deflate ? 0 : raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, data);
    let size = local.length + name.length + data.length;
    if (entry.deflate) {
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(data.length, 8);
      descriptor.writeUInt32LE(raw.length, 12);
      parts.push(descriptor);
      size += descriptor.length;
    }

    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(flags, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(data.length, 20);
    header.writeUInt32LE(raw.length, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    offset += size;
  }
  const centralBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, centralBytes, end]));
}

const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';

/** A minimal ODT text document: `mimetype` first and stored, then the manifest and content. */
export function buildOdt(options: { mimetype?: string } = {}): Uint8Array {
  return buildZip([
    { name: 'mimetype', content: options.mimetype ?? ODT_MIMETYPE },
    {
      name: 'META-INF/manifest.xml',
      deflate: true,
      content:
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">' +
        `<manifest:file-entry manifest:full-path="/" manifest:media-type="${options.mimetype ?? ODT_MIMETYPE}"/>` +
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
    },
    {
      name: 'content.xml',
      deflate: true,
      content:
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">' +
        '<office:body><office:text><text:p>Vedtekter for Språkkafé Grünerløkka</text:p></office:text></office:body></office:document-content>',
    },
  ]);
}

/** A minimal DOCX document, deflated with data descriptors as Word writes it; `macros` makes it a .docm inside. */
export function buildDocx(options: { macros?: boolean } = {}): Uint8Array {
  return buildZip([
    {
      name: '[Content_Types].xml',
      deflate: true,
      content:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      deflate: true,
      content:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    },
    {
      name: 'word/document.xml',
      deflate: true,
      content:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
        '<w:body><w:p><w:r><w:t>Årsmelding 2025</w:t></w:r></w:p></w:body></w:document>',
    },
    ...(options.macros ? [{ name: 'word/vbaProject.bin', content: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), deflate: true }] : []),
  ]);
}

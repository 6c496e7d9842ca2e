/**
 * What kind of file an attachment is, decided by its first bytes, never by its name or the type the
 * browser declares, because the sender chooses both: a renamed program must never be stored, and
 * later handed to an officer, as a PDF. Only formats an officer can open without risk are
 * recognised (no macros, no scripts).
 */

/** The file types an attachment may have, in the order they are offered to users. */
export const attachmentTypes = ['pdf', 'odt', 'docx', 'png', 'jpeg'] as const;

/** One of {@link attachmentTypes}. */
export type AttachmentType = (typeof attachmentTypes)[number];

/** How a file type is stored and named. */
export interface AttachmentTypeInfo {
  /** The `Content-Type` the file is stored and served with. */
  readonly mediaType: string;
  /** The extension a stored file gets when its own does not fit. */
  readonly extension: string;
  /** Every extension people use for the type, lower case. */
  readonly extensions: readonly string[];
  /** The name users know the type by. */
  readonly label: string;
}

/** Media type, extensions and label of each {@link AttachmentType}. */
export const attachmentTypeInfo: Readonly<Record<AttachmentType, AttachmentTypeInfo>> = {
  pdf: { mediaType: 'application/pdf', extension: 'pdf', extensions: ['pdf'], label: 'PDF' },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', extension: 'odt', extensions: ['odt'], label: 'ODT' },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
    extensions: ['docx'],
    label: 'DOCX',
  },
  png: { mediaType: 'image/png', extension: 'png', extensions: ['png'], label: 'PNG' },
  jpeg: { mediaType: 'image/jpeg', extension: 'jpg', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'], label: 'JPEG' },
};


const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_MAGIC = [0xff, 0xd8, 0xff];
const ZIP_LOCAL_HEADER = 0x04034b50;
const ZIP_CENTRAL_HEADER = 0x02014b50;
const ZIP_END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';
// A document has tens of entries; the cap keeps a crafted archive from making the scan expensive.
const MAX_ZIP_ENTRIES = 5000;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);
}

/** Bytes as text, one character per byte: zip entry names we look for are plain ASCII. */
function latin1(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

/**
 * The names of a zip archive's entries, from its central directory (which holds every entry's
 * name even when the local headers defer their sizes to data descriptors, as Word's zips do), or
 * by walking the local file headers when the archive is cut short. Reads only headers, never
 * decompresses, and stops at anything out of bounds. Undefined when nothing can be read.
 */
function zipEntryNames(bytes: Uint8Array): string[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => (at + 2 <= bytes.length ? view.getUint16(at, true) : -1);
  const u32 = (at: number) => (at + 4 <= bytes.length ? view.getUint32(at, true) : -1);

  // The end record is 22 bytes followed by a comment of at most 65 535 bytes.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let end = bytes.length - 22; end >= lowest; end--) {
    if (u32(end) !== ZIP_END_OF_CENTRAL_DIRECTORY) continue;
    const count = u16(end + 10);
    const start = u32(end + 16);
    // 0xFFFF / 0xFFFFFFFF mean zip64, which no document attachment needs: fall back to local headers.
    if (count === 0xffff || start === 0xffffffff || start < 0 || start > end) break;
    const names: string[] = [];
    let at = start;
    for (let i = 0; i < Math.min(count, MAX_ZIP_ENTRIES); i++) {
      if (u32(at) !== ZIP_CENTRAL_HEADER) return names.length > 0 ? names : undefined;
      const nameLength = u16(at + 28);
      const extraLength = u16(at + 30);
      const commentLength = u16(at + 32);
      if (at + 46 + nameLength > end) break;
      names.push(latin1(bytes.subarray(at + 46, at + 46 + nameLength)));
      at += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  }

  const names: string[] = [];
  let at = 0;
  while (names.length < MAX_ZIP_ENTRIES && u32(at) === ZIP_LOCAL_HEADER) {
    const flags = u16(at + 6);
    const compressedSize = u32(at + 18);
    const nameLength = u16(at + 26);
    const extraLength = u16(at + 28);
    if (nameLength < 0 || extraLength < 0 || at + 30 + nameLength > bytes.length) break;
    names.push(latin1(bytes.subarray(at + 30, at + 30 + nameLength)));
    // Bit 3: the size follows the data, so the next header cannot be found from here.
    if ((flags & 0x08) !== 0 && compressedSize === 0) break;
    at += 30 + nameLength + extraLength + compressedSize;
  }
  return names.length > 0 ? names : undefined;
}

/** ODF puts an uncompressed `mimetype` entry first precisely so that its type can be read like this. */
function isOdt(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 30) return false;
  const method = view.getUint16(8, true);
  const compressedSize = view.getUint32(18, true);
  const nameLength = view.getUint16(26, true);
  const extraLength = view.getUint16(28, true);
  const dataStart = 30 + nameLength + extraLength;
  if (method !== 0 || nameLength !== 8 || compressedSize !== ODT_MIMETYPE.length) return false;
  if (dataStart + compressedSize > bytes.length) return false;
  return latin1(bytes.subarray(30, 38)) === 'mimetype' && latin1(bytes.subarray(dataStart, dataStart + compressedSize)) === ODT_MIMETYPE;
}

function isDocx(bytes: Uint8Array): boolean {
  const names = zipEntryNames(bytes);
  if (!names) return false;
  // A .docm carries its macros in word/vbaProject.bin; it is not a DOCX, whatever its name says.
  if (names.some((name) => name.toLowerCase() === 'word/vbaproject.bin')) return false;
  return names.includes('[Content_Types].xml') && names.some((name) => name.startsWith('word/'));
}

/**
 * The type of a file from its content: PDF (`%PDF-`), PNG, JPEG, ODT (a zip whose first entry is
 * an uncompressed `mimetype` of `application/vnd.oasis.opendocument.text`) or DOCX (a zip with
 * `[Content_Types].xml` and `word/` entries, without macros). Undefined for anything else,
 * including other zip-based formats (spreadsheets, presentations, macro-enabled documents).
 */
export function detectFileType(bytes: Uint8Array): AttachmentType | undefined {
  if (startsWith(bytes, PDF_MAGIC)) return 'pdf';
  if (startsWith(bytes, PNG_MAGIC)) return 'png';
  if (startsWith(bytes, JPEG_MAGIC)) return 'jpeg';
  if (bytes.length >= 4 && new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true) === ZIP_LOCAL_HEADER) {
    if (isOdt(bytes)) return 'odt';
    if (isDocx(bytes)) return 'docx';
  }
  return undefined;
}

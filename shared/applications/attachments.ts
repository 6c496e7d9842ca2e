/**
 * Attachments an applicant uploads: statutes, the last annual report, the accounts. A file's type is
 * decided by its first bytes, never by its name or the type the browser declares, because the
 * sender chooses both: a renamed program must never be stored, and later handed to an officer, as
 * a PDF. Only formats an officer can open without risk are accepted (no macros, no scripts).
 */
import type { Locale, LocalizedText } from '../kernel/i18n.js';
import { NBSP } from '../kernel/money.js';
import { err, ok, type Result } from '../kernel/result.js';

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

/** The largest attachment accepted unless a caller sets another limit: 10 MB. */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

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

// C0 and C1 controls, and the invisible and direction-changing characters that make
// `invoice\u202Efdp.exe` display as `invoiceexe.pdf`.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;
const INVISIBLE_CHARACTERS = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
// Characters that Windows refuses in file names, so a download can always be saved as named.
const RESERVED_CHARACTERS = /[<>:"|?*]/g;
const WINDOWS_DEVICE_NAMES = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
// Stays well under the 255-byte name limit of common file systems, even in multi-byte UTF-8.
const MAX_STEM_CHARACTERS = 100;
const FALLBACK_STEM = 'vedlegg';

function lastPathSegment(filename: string): string {
  const segments = filename.split(/[\\/]/);
  return segments[segments.length - 1] ?? '';
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * A file name that is safe to store and to offer as a download: no directories (browsers send
 * `C:\fakepath\…`), no control or invisible characters, no characters Windows refuses, at most
 * 100 characters before the extension, and ending in an extension of `type`: a fitting one is
 * kept (`Årsmelding 2025.PDF` → `Årsmelding 2025.pdf`), any other one is kept as part of the name
 * and the type's own is added (`vedtekter.txt` holding a PDF → `vedtekter.txt.pdf`).
 */
export function safeAttachmentFilename(filename: string, type: AttachmentType): string {
  const info = attachmentTypeInfo[type];
  const name = lastPathSegment(filename.normalize('NFC'))
    .replace(CONTROL_CHARACTERS, '')
    .replace(INVISIBLE_CHARACTERS, '')
    .replace(RESERVED_CHARACTERS, '_')
    .replace(/\s+/g, ' ')
    // Leading dots would hide the file on Unix; trailing dots and spaces vanish on Windows.
    .replace(/^[.\s]+|[.\s]+$/g, '');
  const extension = extensionOf(name);
  const fits = info.extensions.includes(extension);
  let stem = (fits ? name.slice(0, name.length - extension.length - 1) : name).replace(/[.\s]+$/, '');
  stem = [...stem].slice(0, MAX_STEM_CHARACTERS).join('').trim();
  if (stem === '') stem = FALLBACK_STEM;
  if (WINDOWS_DEVICE_NAMES.test(stem)) stem = `_${stem}`;
  return `${stem}.${fits ? extension : info.extension}`;
}

/** Why an attachment was refused. */
export type AttachmentErrorCode = 'empty' | 'too_large' | 'type_not_allowed' | 'type_mismatch';

/** A refused attachment, with a message for the user. */
export interface AttachmentError {
  /** Stable code, prefixed `attachment.` when shown as a field error. */
  readonly code: AttachmentErrorCode;
  readonly messages: LocalizedText;
  /** Facts for logs and for the page (the limit applied, the type found); never the file name. */
  readonly details: Readonly<{ maxBytes?: number; size?: number; detectedType?: AttachmentType; claimedType?: AttachmentType }>;
}

/** An uploaded file as the edge receives it. */
export interface AttachmentUpload {
  /** The name the browser sent; only its extension is looked at, and only to catch mistakes. */
  readonly filename: string;
  readonly bytes: Uint8Array;
  /**
   * The `Content-Type` the browser declared. Accepted so callers can pass an upload as it came,
   * but never used to decide anything: browsers guess it from the name.
   */
  readonly declaredType?: string;
}

/** Limits for one kind of attachment. */
export interface AttachmentRules {
  /** Largest size in bytes; {@link DEFAULT_MAX_ATTACHMENT_BYTES} when absent. */
  readonly maxBytes?: number;
  /** Types accepted; all of {@link attachmentTypes} when absent. */
  readonly allowedTypes?: readonly AttachmentType[];
}

/** An attachment that passed the checks, ready to store. */
export interface ValidAttachment {
  readonly type: AttachmentType;
  /** The `Content-Type` to store and serve it with, from the detected type. */
  readonly mediaType: string;
  /** The name to offer it for download under; see {@link safeAttachmentFilename}. */
  readonly filename: string;
  readonly size: number;
}

function formatMegabytes(bytes: number, locale: Locale): string {
  const megabytes = Math.round((bytes / (1024 * 1024)) * 10) / 10;
  const text = String(megabytes);
  return `${locale === 'en' ? text : text.replace('.', ',')}${NBSP}MB`;
}

function listTypes(types: readonly AttachmentType[], or: string): string {
  const labels = types.map((type) => attachmentTypeInfo[type].label);
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} ${or} ${labels[labels.length - 1]}`;
}

const emptyMessages: LocalizedText = {
  nb: 'Filen er tom. Velg en annen fil.',
  nn: 'Fila er tom. Vel ei anna fil.',
  en: 'The file is empty. Choose another file.',
};

function tooLargeMessages(maxBytes: number): LocalizedText {
  return {
    nb: `Filen er for stor. Den kan være på høyst ${formatMegabytes(maxBytes, 'nb')}.`,
    nn: `Fila er for stor. Ho kan vere på høgst ${formatMegabytes(maxBytes, 'nn')}.`,
    en: `The file is too large. It can be at most ${formatMegabytes(maxBytes, 'en')}.`,
  };
}

function notAllowedMessages(allowed: readonly AttachmentType[]): LocalizedText {
  return {
    nb: `Denne filtypen kan ikke lastes opp. Bruk ${listTypes(allowed, 'eller')}.`,
    nn: `Denne filtypen kan ikkje lastast opp. Bruk ${listTypes(allowed, 'eller')}.`,
    en: `This type of file cannot be uploaded. Use ${listTypes(allowed, 'or')}.`,
  };
}

function mismatchMessages(extension: string, claimed: AttachmentType): LocalizedText {
  const label = attachmentTypeInfo[claimed].label;
  return {
    nb: `Filnavnet slutter på .${extension}, men innholdet er ikke ${label}. Lagre filen på nytt som ${label}, eller velg riktig fil.`,
    nn: `Filnamnet sluttar på .${extension}, men innhaldet er ikkje ${label}. Lagre fila på nytt som ${label}, eller vel rett fil.`,
    en: `The file name ends in .${extension}, but the content is not ${label}. Save the file again as ${label}, or choose the right file.`,
  };
}

/**
 * Checks an uploaded attachment: not empty, not above `maxBytes`, content of an allowed type, and
 * a name that does not claim another type (`rapport.pdf` holding a Word file or a program is
 * `type_mismatch`, which usually means the wrong file was chosen). The type comes from the content
 * ({@link detectFileType}); a name with an unknown or no extension is fine and gets the right one.
 */
export function validateAttachment(upload: AttachmentUpload, rules: AttachmentRules = {}): Result<ValidAttachment, AttachmentError> {
  const maxBytes = rules.maxBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;
  const allowed = rules.allowedTypes ?? attachmentTypes;
  const size = upload.bytes.length;
  if (size === 0) return err({ code: 'empty', messages: emptyMessages, details: { size } });
  if (size > maxBytes) return err({ code: 'too_large', messages: tooLargeMessages(maxBytes), details: { maxBytes, size } });

  const detected = detectFileType(upload.bytes);
  const extension = extensionOf(lastPathSegment(upload.filename).trim());
  const claimed = attachmentTypes.find((type) => attachmentTypeInfo[type].extensions.includes(extension));
  if (claimed !== undefined && claimed !== detected) {
    return err({
      code: 'type_mismatch',
      messages: mismatchMessages(extension, claimed),
      details: { claimedType: claimed, ...(detected ? { detectedType: detected } : {}) },
    });
  }
  if (detected === undefined || !allowed.includes(detected)) {
    return err({ code: 'type_not_allowed', messages: notAllowedMessages(allowed), details: detected ? { detectedType: detected } : {} });
  }
  return ok({
    type: detected,
    mediaType: attachmentTypeInfo[detected].mediaType,
    filename: safeAttachmentFilename(upload.filename, detected),
    size,
  });
}

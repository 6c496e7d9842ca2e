/**
 * Attachments an applicant uploads: statutes, the last annual report, the accounts. An upload is
 * checked for size and for a type recognised from its bytes (`attachment-types.ts`), and its file
 * name is made safe to store and to download.
 */
import type { Locale, LocalizedText } from '../kernel/i18n.js';
import { NBSP } from '../kernel/money.js';
import { err, ok, type Result } from '../kernel/result.js';
import { attachmentTypeInfo, attachmentTypes, detectFileType, type AttachmentType } from './attachment-types.js';

export * from './attachment-types.js';

/** The largest attachment accepted unless a caller sets another limit: 10 MB. */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

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

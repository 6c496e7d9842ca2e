import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_ATTACHMENT_BYTES,
  attachmentTypeInfo,
  detectFileType,
  safeAttachmentFilename,
  validateAttachment,
  type AttachmentType,
} from '../../shared/applications/attachments';
import { buildDocx, buildOdt, buildZip } from '../support/zip';

const ascii = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

/** A tiny but well-formed PDF (header, one empty page, xref, trailer). */
const pdf = ascii(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
/** PNG signature and the start of an IHDR chunk of a 1×1 image. */
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
/** JPEG SOI and a JFIF APP0 segment. */
const jpeg = concat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), ascii('JFIF\0'), new Uint8Array([1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]));
/** The start of a Windows program: "MZ" and the DOS stub message. */
const exe = concat(ascii('MZ'), new Uint8Array(58), ascii('This program cannot be run in DOS mode.'));
const text = ascii('Vedtekter for foreningen\n§ 1 Navn\n');

describe('detectFileType', () => {
  it.each<[string, Uint8Array, AttachmentType]>([
    ['a PDF', pdf, 'pdf'],
    ['a PNG', png, 'png'],
    ['a JPEG', jpeg, 'jpeg'],
    ['an ODT document', buildOdt(), 'odt'],
    ['a DOCX document', buildDocx(), 'docx'],
  ])('recognises %s by its content', (_, bytes, expected) => {
    // Act
    const type = detectFileType(bytes);
    // Assess
    expect(type).toBe(expected);
  });

  it.each<[string, Uint8Array]>([
    ['an empty file', new Uint8Array()],
    ['a Windows program', exe],
    ['plain text', text],
    ['a PDF header that does not start the file', concat(ascii(' '), pdf)],
    ['a zip of other files', buildZip([{ name: 'readme.txt', content: 'hei' }])],
    ['an ODF spreadsheet', buildOdt({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet' })],
    ['a macro-enabled Word document', buildDocx({ macros: true })],
    ['a zip cut off after its signature', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14])],
  ])('recognises nothing in %s', (_, bytes) => {
    // Act
    const type = detectFileType(bytes);
    // Assess
    expect(type).toBeUndefined();
  });

  it('finds the DOCX entries by walking local headers when the central directory is missing', () => {
    // Prepare: stored entries without data descriptors, the end of the archive cut away
    const whole = buildZip([
      { name: '[Content_Types].xml', content: '<Types/>' },
      { name: 'word/document.xml', content: '<w:document/>' },
    ]);
    const truncated = whole.subarray(0, whole.length - 30);
    // Act
    const type = detectFileType(truncated);
    // Assess
    expect(type).toBe('docx');
  });

  it('survives a zip whose headers point past its end', () => {
    // Prepare: an end record claiming a central directory far beyond the file
    const zip = buildDocx();
    const broken = zip.slice();
    new DataView(broken.buffer).setUint32(broken.length - 6, 0x7fffffff, true);
    // Act / Assess
    expect(() => detectFileType(broken)).not.toThrow();
  });
});

describe('validateAttachment', () => {
  it('accepts a PDF and stores it under a safe name with its media type', () => {
    // Act
    const result = validateAttachment({ filename: 'C:\\fakepath\\Årsmelding 2025.PDF', bytes: pdf, declaredType: 'application/pdf' });
    // Assess
    expect(result).toEqual({ ok: true, value: { type: 'pdf', mediaType: 'application/pdf', filename: 'Årsmelding 2025.pdf', size: pdf.length } });
  });

  it('decides the type by content, not by the declared type', () => {
    // Act
    const result = validateAttachment({ filename: 'vedtekter.odt', bytes: buildOdt(), declaredType: 'application/octet-stream' });
    // Assess
    expect(result.ok && result.value.mediaType).toBe(attachmentTypeInfo.odt.mediaType);
  });

  it('accepts a DOCX named without an extension and gives it one', () => {
    // Act
    const result = validateAttachment({ filename: 'regnskap', bytes: buildDocx() });
    // Assess
    expect(result.ok && result.value.filename).toBe('regnskap.docx');
  });

  it('refuses a program renamed to .pdf as type_mismatch', () => {
    // Act
    const result = validateAttachment({ filename: 'regnskap.pdf', bytes: exe, declaredType: 'application/pdf' });
    // Assess
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('type_mismatch');
    expect(result.error.details).toEqual({ claimedType: 'pdf' });
    expect(result.error.messages.nb).toBe('Filnavnet slutter på .pdf, men innholdet er ikke PDF. Lagre filen på nytt som PDF, eller velg riktig fil.');
  });

  it('refuses a text file renamed to .pdf as type_mismatch', () => {
    // Act
    const result = validateAttachment({ filename: 'vedtekter.pdf', bytes: text });
    // Assess
    expect(!result.ok && result.error.code).toBe('type_mismatch');
  });

  it('refuses a Word document named .pdf as type_mismatch and says what it found', () => {
    // Act
    const result = validateAttachment({ filename: 'årsmelding.pdf', bytes: buildDocx() });
    // Assess
    expect(!result.ok && result.error.details).toEqual({ claimedType: 'pdf', detectedType: 'docx' });
  });

  it('refuses a program under its own name as type_not_allowed, in every language', () => {
    // Act
    const result = validateAttachment({ filename: 'setup.exe', bytes: exe });
    // Assess
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('type_not_allowed');
    expect(result.error.messages).toEqual({
      nb: 'Denne filtypen kan ikke lastes opp. Bruk PDF, ODT, DOCX, PNG eller JPEG.',
      nn: 'Denne filtypen kan ikkje lastast opp. Bruk PDF, ODT, DOCX, PNG eller JPEG.',
      en: 'This type of file cannot be uploaded. Use PDF, ODT, DOCX, PNG or JPEG.',
    });
  });

  it('refuses a type the caller does not allow', () => {
    // Act
    const result = validateAttachment({ filename: 'scan.png', bytes: png }, { allowedTypes: ['pdf'] });
    // Assess
    expect(!result.ok && result.error.code).toBe('type_not_allowed');
    expect(!result.ok && result.error.messages.en).toBe('This type of file cannot be uploaded. Use PDF.');
  });

  it('refuses an empty file', () => {
    // Act
    const result = validateAttachment({ filename: 'tom.pdf', bytes: new Uint8Array() });
    // Assess
    expect(!result.ok && result.error.code).toBe('empty');
  });

  it('refuses a file above the default 10 MB as too_large', () => {
    // Prepare: a real PDF header followed by padding, one byte over the limit
    const big = new Uint8Array(DEFAULT_MAX_ATTACHMENT_BYTES + 1);
    big.set(pdf);
    // Act
    const result = validateAttachment({ filename: 'regnskap.pdf', bytes: big });
    // Assess
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('too_large');
    expect(result.error.details).toEqual({ maxBytes: 10 * 1024 * 1024, size: big.length });
    expect(result.error.messages.nb).toBe('Filen er for stor. Den kan være på høyst 10\u00a0MB.');
  });

  it('accepts a file of exactly the limit', () => {
    // Prepare
    const atLimit = new Uint8Array(2048);
    atLimit.set(pdf);
    // Act
    const result = validateAttachment({ filename: 'regnskap.pdf', bytes: atLimit }, { maxBytes: 2048 });
    // Assess
    expect(result.ok).toBe(true);
  });

  it('writes a fractional limit with a decimal comma in Norwegian', () => {
    // Act
    const result = validateAttachment({ filename: 'x.pdf', bytes: pdf }, { maxBytes: 100 });
    // Assess
    expect(!result.ok && result.error.messages.nn).toBe('Fila er for stor. Ho kan vere på høgst 0\u00a0MB.');
    const half = validateAttachment({ filename: 'x.pdf', bytes: new Uint8Array(3 * 1024 * 1024).fill(0x25) }, { maxBytes: 2.5 * 1024 * 1024 });
    expect(!half.ok && half.error.messages.nb).toBe('Filen er for stor. Den kan være på høyst 2,5\u00a0MB.');
    expect(!half.ok && half.error.messages.en).toBe('The file is too large. It can be at most 2.5\u00a0MB.');
  });
});

describe('safeAttachmentFilename', () => {
  it.each<[string, AttachmentType, string]>([
    ['../../etc/passwd', 'pdf', 'passwd.pdf'],
    ['C:\\Users\\ola\\Desktop\\vedtekter.pdf', 'pdf', 'vedtekter.pdf'],
    ['faktura\u202Efdp.exe', 'pdf', 'fakturafdp.exe.pdf'],
    ['rapport\u0000\u0007\n2025.pdf', 'pdf', 'rapport2025.pdf'],
    ['bilde.JPEG', 'jpeg', 'bilde.jpeg'],
    ['bilde.png', 'jpeg', 'bilde.png.jpg'],
    ['  .skjult.pdf  ', 'pdf', 'skjult.pdf'],
    ['...', 'odt', 'vedlegg.odt'],
    ['CON.docx', 'docx', '_CON.docx'],
    ['a<b>:c"d|e?f*g.pdf', 'pdf', 'a_b__c_d_e_f_g.pdf'],
    ['A\u030Arsmelding.pdf', 'pdf', 'Årsmelding.pdf'],
  ])('makes %j safe as a %s', (input, type, expected) => {
    // Act
    const name = safeAttachmentFilename(input, type);
    // Assess
    expect(name).toBe(expected);
  });

  it('shortens a very long name and keeps the extension', () => {
    // Act
    const name = safeAttachmentFilename(`${'æ'.repeat(300)}.pdf`, 'pdf');
    // Assess
    expect(name).toBe(`${'æ'.repeat(100)}.pdf`);
  });
});

import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { validateAttachment } from '../../shared/applications/attachments';
import { buildDocx } from '../support/zip';
import { testAdapters } from '../support/test-environment';

const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** A key no other test uses, so tests share the bucket without cleanup. */
const freshKey = (name: string) => `test/${ulid()}/${name}`;

describe('attachments in the S3 stand-in', () => {
  const { attachments } = testAdapters();

  it('serves the stored bytes through a presigned link, always as a download', async () => {
    // Prepare
    const key = freshKey('vedtekter');
    await attachments.put(key, pdf, 'application/pdf', 'Vedtekter.pdf');
    // Act
    const url = await attachments.getDownloadUrl(key, 'Vedtekter for Språkkafé.pdf', 60);
    const response = await fetch(url);
    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Vedtekter for Sprakkafe.pdf"; filename*=UTF-8''Vedtekter%20for%20Spr%C3%A5kkaf%C3%A9.pdf`,
    );
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(pdf);
  });

  it('stores a validated upload byte for byte', async () => {
    // Prepare
    const upload = validateAttachment({ filename: 'Årsmelding 2025.docx', bytes: buildDocx() });
    if (!upload.ok) throw new Error(upload.error.code);
    const key = freshKey('arsmelding');
    // Act
    await attachments.put(key, buildDocx(), upload.value.mediaType, upload.value.filename);
    const response = await fetch(await attachments.getDownloadUrl(key, upload.value.filename, 60));
    // Assess
    expect(response.headers.get('content-type')).toBe(upload.value.mediaType);
    expect(response.headers.get('content-disposition')).toContain("filename*=UTF-8''%C3%85rsmelding%202025.docx");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(buildDocx());
  });

  it('deletes an attachment so its link no longer works', async () => {
    // Prepare
    const key = freshKey('regnskap');
    await attachments.put(key, pdf, 'application/pdf', 'regnskap.pdf');
    const url = await attachments.getDownloadUrl(key, 'regnskap.pdf', 60);
    // Act
    await attachments.delete(key);
    const response = await fetch(url);
    // Assess
    expect(response.status).toBe(404);
    await response.body?.cancel();
  });

  it('deletes an attachment that is already gone without an error', async () => {
    // Act / Assess
    await expect(attachments.delete(freshKey('finnes-ikke'))).resolves.toBeUndefined();
  });

  it('refuses a link that would outlive the seven days S3 allows', async () => {
    // Act / Assess
    await expect(attachments.getDownloadUrl(freshKey('x'), 'x.pdf', 8 * 24 * 60 * 60)).rejects.toBeInstanceOf(RangeError);
  });
});

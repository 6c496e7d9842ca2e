import { describe, expect, it } from 'vitest';
import { parseSigningSecret } from '../../functions/adapters/signing-secret';
import { createLinkToken, readLinkToken, seal, unseal, type SigningKeys } from '../../functions/common/signed-tokens';
import { csrfToken, isValidCsrfToken } from '../../functions/http/applicant/session';
import type { TenantId } from '../../shared/kernel/tenants';

const OLD = 'old-signing-key-of-at-least-thirty-two-characters';
const NEW = 'new-signing-key-of-at-least-thirty-two-characters';
const NOW = new Date('2027-01-15T10:00:00.000Z');

const beforeRotation: SigningKeys = { current: OLD };
const duringRotation: SigningKeys = { current: NEW, previous: OLD };
const afterRotation: SigningKeys = { current: NEW };

const link = { tenantId: 'k3240' as TenantId, applicationId: '01JH0000000000000000000000', tokenId: 'abcdefghijklmnopqrstuv', expiresAt: '2027-01-16T10:00:00.000Z' };
const session = { tenantId: 'k3240' as TenantId, applicationId: link.applicationId, sessionId: 'session-id-of-sixteen-or-more' };

/** The same token with one character of its payload changed. */
function tampered(token: string): string {
  const flip = token[3] === 'A' ? 'B' : 'A';
  return `${token.slice(0, 3)}${flip}${token.slice(4)}`;
}

describe('rotating the signing key with a current and a previous key', () => {
  it('keeps a link, a session and a CSRF token signed with the old key valid after the rotation', () => {
    // Prepare
    const oldLink = createLinkToken(beforeRotation, link);
    const oldSession = seal(beforeRotation, 'session', { s: session.sessionId });
    const oldCsrf = csrfToken(beforeRotation, session);

    // Act and assess
    expect(readLinkToken(duringRotation, oldLink, NOW)).toEqual({ tenantId: link.tenantId, applicationId: link.applicationId, tokenId: link.tokenId });
    expect(unseal(duringRotation, 'session', oldSession)).toEqual({ s: session.sessionId });
    expect(isValidCsrfToken(duringRotation, session, oldCsrf)).toBe(true);
  });

  it('signs with the new key once rotated, so new tokens outlive the old key', () => {
    // Act
    const newLink = createLinkToken(duringRotation, link);

    // Assess
    expect(readLinkToken(afterRotation, newLink, NOW)?.tokenId).toBe(link.tokenId);
    expect(readLinkToken(beforeRotation, newLink, NOW)).toBeUndefined();
    expect(csrfToken(duringRotation, session)).toBe(csrfToken(afterRotation, session));
  });

  it('lets an environment still signing with the old key accept what a rotated one signs (step 2 of the runbook)', () => {
    // Prepare: environments side by side while they restart
    const acceptingNew: SigningKeys = { current: OLD, previous: NEW };
    const fromRotated = createLinkToken(duringRotation, link);
    const fromAccepting = createLinkToken(acceptingNew, link);

    // Act and assess
    expect(readLinkToken(acceptingNew, fromRotated, NOW)?.tokenId).toBe(link.tokenId);
    expect(readLinkToken(duringRotation, fromAccepting, NOW)?.tokenId).toBe(link.tokenId);
    expect(readLinkToken(beforeRotation, fromRotated, NOW)).toBeUndefined();
  });

  it('refuses what the old key signed once the previous key is dropped', () => {
    // Prepare
    const oldLink = createLinkToken(beforeRotation, link);
    const oldSession = seal(beforeRotation, 'session', { s: session.sessionId });

    // Act and assess
    expect(readLinkToken(afterRotation, oldLink, NOW)).toBeUndefined();
    expect(unseal(afterRotation, 'session', oldSession)).toBeUndefined();
    expect(isValidCsrfToken(afterRotation, session, csrfToken(beforeRotation, session))).toBe(false);
  });

  it('never accepts a tampered token, whichever key signed it', () => {
    for (const signer of [beforeRotation, duringRotation]) {
      const token = createLinkToken(signer, link);
      const [payload, signature] = token.split('.') as [string, string];
      expect(readLinkToken(duringRotation, tampered(token), NOW)).toBeUndefined();
      expect(readLinkToken(duringRotation, `${payload}.${tampered(signature)}`, NOW)).toBeUndefined();
      // A token of one purpose never passes as another, with either key.
      expect(unseal(duringRotation, 'session', token)).toBeUndefined();
    }
    expect(isValidCsrfToken(duringRotation, session, tampered(csrfToken(duringRotation, session)))).toBe(false);
    expect(isValidCsrfToken(duringRotation, session, undefined)).toBe(false);
  });

  it('reads the secret as one key or as the documented {"current","previous"} JSON', () => {
    expect(parseSigningSecret(OLD)).toEqual({ current: OLD });
    expect(parseSigningSecret(JSON.stringify({ current: NEW, previous: OLD }))).toEqual(duringRotation);
    expect(parseSigningSecret(JSON.stringify({ current: NEW }))).toEqual(afterRotation);
    expect(parseSigningSecret(JSON.stringify({ current: NEW, previous: NEW }))).toEqual(afterRotation);
    for (const bad of [undefined, 'short', '{"current":"short"}', '{"current":', JSON.stringify({ current: NEW, next: OLD })]) {
      expect(() => parseSigningSecret(bad)).toThrow(/signing secret/);
    }
  });
});

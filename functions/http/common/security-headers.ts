import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { contentSecurityPolicy } from '../../../shared/kernel/content-security-policy';

/**
 * The headers every response of every app carries, the same in Lambda and on the local server
 * because each app installs them itself. The pages use no inline script or style, so the policy
 * can forbid both: an injected `<script>` or `style=` does nothing. Framing is refused outright
 * (clickjacking on the sign-out and decision forms).
 */

/** Options of {@link securityHeaders}. */
export interface SecurityHeaderOptions {
  /** Public base URL of the app: HSTS is sent only when it is https, never to plain-http localhost. */
  readonly baseUrl: string;
  /**
   * Origins besides our own that a form may end up at. Chromium checks `form-action` on the
   * redirects after a post too, so the sign-out post that goes on to the issuer's logout needs
   * the issuer's origins here. Read after each
   * request is handled: the logout endpoint is known once the issuer has been discovered.
   */
  readonly formTargets?: () => readonly string[];
}

/** Two years, as the HSTS preload list asks; subdomains too, since every one of ours is https. */
export const HSTS_VALUE = 'max-age=63072000; includeSubDomains';

/** The security headers middleware of an app. */
export function securityHeaders(options: SecurityHeaderOptions): MiddlewareHandler {
  const https = new URL(options.baseUrl).protocol === 'https:';
  const fixed = secureHeaders({
    contentSecurityPolicy: undefined,
    referrerPolicy: 'strict-origin-when-cross-origin',
    strictTransportSecurity: https ? HSTS_VALUE : false,
    xFrameOptions: 'DENY',
  });
  return async (c, next) => {
    await fixed(c, next);
    // Set after the handler, so a request that discovered the issuer already names its logout origin.
    c.header('content-security-policy', contentSecurityPolicy(options.formTargets?.()));
  };
}

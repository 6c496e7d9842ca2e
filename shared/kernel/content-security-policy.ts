/**
 * The Content-Security-Policy of every Fordel page, in one place because two runtimes send it: the
 * apps themselves (Lambda and the local server) and CloudFront's response-headers policy. No inline
 * script or style runs, no site may frame a page, and forms go only to this site and the origins
 * named — the sign-in domain, since browsers apply `form-action` to the redirect after signing out.
 */
export function contentSecurityPolicy(formTargets: readonly string[] = []): string {
  const formAction = ["'self'", ...new Set(formTargets)].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "frame-ancestors 'none'",
    `form-action ${formAction}`,
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
}

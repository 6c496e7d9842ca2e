import { authSettingsFrom, createAuthentication, type Authentication } from '../http/common/authentication';
import { createOfficerApp } from '../http/officer/app';
import type { SigningKeys } from '../common/signed-tokens';
import type { CompositionRoot } from './root';

/**
 * The applicant app's keys and address, for the links a returned application's email carries (they
 * must open in the applicant app). Read when the first link is signed, then kept for the process; a
 * failed read is tried again on the next return.
 */
function applicantLinkSigning({ config, signingSecret }: CompositionRoot) {
  let keys: Promise<SigningKeys> | undefined;
  return async () => {
    keys ??= signingSecret().catch((error: unknown) => {
      keys = undefined;
      throw error;
    });
    return { signingSecret: await keys, baseUrl: config.APP_BASE_URL };
  };
}

/** The officer app; the local server passes the authentication it shares with the national app. */
export function officerApp(root: CompositionRoot, auth: Authentication = createAuthentication(authSettingsFrom(root.config), root.adapters.revokedTokens)) {
  // `forTenant` is the seam every officer request's repositories come from.
  const dependencies = {
    forTenant: root.forTenant,
    auth,
    logger: root.logger.child({ app: 'officer' }),
    baseUrl: root.config.APP_BASE_URL,
    applicantLinks: applicantLinkSigning(root),
    clock: root.clock,
  };
  return createOfficerApp(dependencies);
}

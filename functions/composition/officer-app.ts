import { authSettingsFrom, createAuthentication, type Authentication } from '../http/common/authentication';
import { createOfficerApp } from '../http/officer/app';
import type { CompositionRoot } from './root';

/** The officer app; the local server passes the authentication it shares with the national app. */
export function officerApp(root: CompositionRoot, auth: Authentication = createAuthentication(authSettingsFrom(root.config))) {
  // `forTenant` is the seam every officer request's repositories come from.
  const dependencies = {
    forTenant: root.forTenant,
    auth,
    logger: root.logger.child({ app: 'officer' }),
    baseUrl: root.config.APP_BASE_URL,
  };
  return createOfficerApp(dependencies);
}

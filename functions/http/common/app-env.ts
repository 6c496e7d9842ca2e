import type { Context } from 'hono';
import type { Language, Translate } from '../../../web/i18n';
import type { Principal } from './authentication';
import type { Logger } from './logger';

/** What the shared middleware puts on every request's context. */
export interface AppVariables {
  requestId: string;
  lang: Language;
  t: Translate;
  logger: Logger;
  /** Set by `requireRole` in the officer and national apps: who the verified token says is signed in. */
  principal?: Principal;
}

/** The Hono environment type of every Fordel app. */
export interface AppEnv {
  Variables: AppVariables;
}

/**
 * An app's context seen as the shared one. Apps add variables of their own (the officer's tenant
 * data, the applicant's session), and Hono's context is invariant in them, so the shared helpers
 * take any app's context through here.
 */
export function sharedContext<E extends AppEnv>(c: Context<E>): Context<AppEnv> {
  return c as unknown as Context<AppEnv>;
}

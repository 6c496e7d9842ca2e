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

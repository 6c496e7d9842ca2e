import type { Language, Translate } from '../../../web/i18n';
import type { Logger } from './logger';

/** What the shared middleware puts on every request's context. */
export interface AppVariables {
  requestId: string;
  lang: Language;
  t: Translate;
  logger: Logger;
}

/** The Hono environment type of every Fordel app. */
export interface AppEnv {
  Variables: AppVariables;
}

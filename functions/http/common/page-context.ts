import type { Context } from 'hono';
import type { PageContext } from '../../../web/layout';
import type { AppEnv } from './app-env';

/** What every page needs from its request: language, translator, and where it is (for the language switch). */
export function pageContextOf<E extends AppEnv>(c: Context<E>): PageContext {
  const url = new URL(c.req.url);
  const context = c as unknown as Context<AppEnv>;
  return { lang: context.get('lang'), t: context.get('t'), currentPath: `${url.pathname}${url.search}` };
}

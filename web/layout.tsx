import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { languageNames, languages, type Language, type Translate } from './i18n';

/** What every page knows about the request it answers. */
export interface PageContext {
  lang: Language;
  t: Translate;
  /** Path and query of the current page, for the language switcher to return to. */
  currentPath: string;
  /** Set on the officer and national pages: who is signed in, shown in the header with sign-out. */
  session?: SignedInView;
}

/** The signed-in user as the header shows them: an opaque user id and the tenant, never an email. */
export interface SignedInView {
  userId: string;
  tenantName: string;
  /** The workspace the brand link leads to. */
  home: string;
  /** Where the sign-out form posts. */
  signOutAction: string;
}

/** Links to a page in another language; the server remembers the choice in a cookie. */
function languageHref(currentPath: string, language: Language): string {
  const url = new URL(currentPath, 'http://local');
  url.searchParams.set('lang', language);
  return `${url.pathname}${url.search}`;
}

/** The frame of every page: skip link, header with language choice, main content, footer. */
export function Layout(props: { page: PageContext; title: string; children: Child }) {
  const { page } = props;
  const { t } = page;
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={page.lang} data-color-scheme="light">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} – ${t('site.name')}`}</title>
        <link rel="stylesheet" href="/static/ds/theme.css" />
        <link rel="stylesheet" href="/static/ds/index.css" />
        <link rel="stylesheet" href="/static/app.css" />
      </head>
      <body>
        <a class="ds-skip-link" href="#main">
          {t('nav.skip')}
        </a>
        <header class="site-header">
          <div class="site-width site-header__inner">
            <a class="site-header__brand ds-link" href={page.session?.home ?? '/'}>
              <span class="site-header__name">{t('site.name')}</span>
              <span class="site-header__tagline">{t('site.tagline')}</span>
            </a>
            <nav aria-label={t('nav.language')} class="language-switcher">
              <ul class="ds-list--unstyled language-switcher__list">
                {languages.map((language) => (
                  <li>
                    {language === page.lang ? (
                      <span aria-current="true" lang={language} class="language-switcher__current">
                        {languageNames[language]}
                      </span>
                    ) : (
                      <a class="ds-link" lang={language} hreflang={language} href={languageHref(page.currentPath, language)}>
                        {languageNames[language]}
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
            {page.session ? (
              <div class="site-header__session">
                <p class="ds-paragraph" data-size="sm">
                  {t('auth.signedInAs', { userId: page.session.userId, tenant: page.session.tenantName })}
                </p>
                <form method="post" action={page.session.signOutAction}>
                  <button type="submit" class="ds-button" data-variant="secondary" data-size="sm">
                    {t('auth.signOut')}
                  </button>
                </form>
              </div>
            ) : null}
          </div>
        </header>
        <main id="main" class="site-width site-main" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="site-width">
            <p class="ds-paragraph" data-size="sm">
              {t('footer.about')}
            </p>
            <ul class="ds-list--unstyled site-footer__links">
              <li>
                <a class="ds-link" href="/accessibility">
                  {t('footer.accessibility')}
                </a>
              </li>
              <li>
                <a class="ds-link" href="/privacy">
                  {t('footer.privacy')}
                </a>
              </li>
              <li>
                <a class="ds-link" href="/api/reference">
                  {t('nav.api')}
                </a>
              </li>
            </ul>
          </div>
        </footer>
      </body>
      </html>
    </>
  );
}

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
  /** The workspace's sections, shown as navigation under the header. */
  sections?: readonly WorkspaceSection[];
}

/** One section of a signed-in workspace: a link and its translated label. */
export interface WorkspaceSection {
  href: string;
  label: string;
}

/** The section the current page belongs to: the longest section path the page's path starts with. */
function currentSection(sections: readonly WorkspaceSection[], currentPath: string): WorkspaceSection | undefined {
  const path = new URL(currentPath, 'http://local').pathname;
  const pathOf = (section: WorkspaceSection) => new URL(section.href, 'http://local').pathname;
  return sections
    .filter((section) => path === pathOf(section) || path.startsWith(`${pathOf(section)}/`))
    .sort((a, b) => pathOf(b).length - pathOf(a).length)[0];
}

/** The signed-in workspace's sections; the current one is marked for screen readers. */
function WorkspaceNav(props: { page: PageContext; sections: readonly WorkspaceSection[] }) {
  const current = currentSection(props.sections, props.page.currentPath);
  return (
    <nav aria-label={props.page.t('nav.workspace')} class="workspace-nav">
      <ul class="ds-list--unstyled site-width workspace-nav__list">
        {props.sections.map((section) => (
          <li>
            <a class="ds-link" href={section.href} aria-current={section === current ? 'page' : undefined}>
              {section.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
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
        {page.session?.sections?.length ? <WorkspaceNav page={page} sections={page.session.sections} /> : null}
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

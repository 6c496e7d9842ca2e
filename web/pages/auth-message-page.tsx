import { Layout, type PageContext } from '../layout';

/**
 * The sign-in pages that only say something: access refused for the role, sign-in not completed
 * (with a way to start again), and signed out.
 */
export function AuthMessagePage(props: { page: PageContext; kind: 'forbidden' | 'failed' | 'signedOut'; signInHref: string }) {
  const { page, kind, signInHref } = props;
  const { t } = page;
  return (
    <Layout page={page} title={t(`auth.${kind}.title`)}>
      <h1 class="ds-heading" data-size="lg">
        {t(`auth.${kind}.title`)}
      </h1>
      <p class="ds-paragraph">{t(`auth.${kind}.text`)}</p>
      {kind === 'forbidden' ? null : (
        <p class="ds-paragraph">
          <a class="ds-link" href={signInHref}>
            {kind === 'failed' ? t('auth.failed.retry') : t('auth.signIn')}
          </a>
        </p>
      )}
    </Layout>
  );
}

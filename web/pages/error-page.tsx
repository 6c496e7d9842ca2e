import { Layout, type PageContext } from '../layout';

/** What went wrong, as the page tells it. */
export type ErrorKind = 'notFound' | 'badRequest' | 'forbidden' | 'tooLarge' | 'server';

/** The page for a missing resource, a refused or bad request or a fault; a fault never shows internals. */
export function ErrorPage(props: { page: PageContext; kind: ErrorKind; requestId: string }) {
  const { page, kind, requestId } = props;
  const { t } = page;
  return (
    <Layout page={page} title={t(`error.${kind}.title`)}>
      <h1 class="ds-heading" data-size="lg">
        {t(`error.${kind}.title`)}
      </h1>
      <p class="ds-paragraph">{t(`error.${kind}.text`, { requestId })}</p>
      <p class="ds-paragraph">
        <a class="ds-link" href="/">
          {t('call.back')}
        </a>
      </p>
    </Layout>
  );
}

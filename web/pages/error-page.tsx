import { Layout, type PageContext } from '../layout';

/** What went wrong, as the page tells it. */
export type ErrorKind = 'notFound' | 'badRequest' | 'forbidden' | 'tooLarge' | 'server' | 'unavailable';

/**
 * A form to post again when a service was unavailable: the same address and every text field as
 * it was posted, so nothing typed is lost and one press sends it again. Files cannot be kept.
 */
export interface RetryForm {
  readonly action: string;
  readonly values: Record<string, string | string[]>;
  readonly hadFiles: boolean;
}

/** The page for a missing resource, a refused or bad request or a fault; a fault never shows internals. */
export function ErrorPage(props: { page: PageContext; kind: ErrorKind; requestId: string; retry?: RetryForm }) {
  const { page, kind, requestId, retry } = props;
  const { t } = page;
  return (
    <Layout page={page} title={t(`error.${kind}.title`)}>
      <h1 class="ds-heading" data-size="lg">
        {t(`error.${kind}.title`)}
      </h1>
      <p class="ds-paragraph">{t(`error.${kind}.text`, { requestId })}</p>
      {retry ? (
        <form method="post" action={retry.action}>
          {Object.entries(retry.values).flatMap(([name, value]) =>
            (Array.isArray(value) ? value : [value]).map((each) => <input type="hidden" name={name} value={each} />),
          )}
          {retry.hadFiles ? <p class="ds-paragraph">{t('error.unavailable.filesLost')}</p> : null}
          <button type="submit" class="ds-button" data-variant="primary">
            {t('error.unavailable.retry')}
          </button>
        </form>
      ) : null}
      <p class="ds-paragraph">
        <a class="ds-link" href="/">
          {t('call.back')}
        </a>
      </p>
    </Layout>
  );
}

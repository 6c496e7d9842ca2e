import { Layout, type PageContext } from '../layout';

/** The parts of an OpenAPI 3.1 document the reference page shows. */
export interface OpenApiDocumentView {
  info: { title: string; version: string; description?: string };
  paths: Record<
    string,
    Record<
      string,
      {
        summary?: string;
        description?: string;
        parameters?: { name: string; in: string; required?: boolean; description?: string }[];
        responses?: Record<string, { description?: string }>;
      }
    >
  >;
}

const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * A readable reference of the open API, rendered on the server from the same OpenAPI document
 * that `/api/openapi.json` serves, so the two can never disagree.
 */
export function ApiReferencePage(props: { page: PageContext; document: OpenApiDocumentView }) {
  const { page, document } = props;
  const { t } = page;
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    methods.filter((method) => item[method]).map((method) => ({ path, method, operation: item[method]! })),
  );
  return (
    <Layout page={page} title={t('api.reference.title')}>
      <h1 class="ds-heading" data-size="xl">
        {`${t('api.reference.title')}: ${document.info.title} ${document.info.version}`}
      </h1>
      <p class="ds-paragraph">
        {`${t('api.reference.lead')} `}
        <a class="ds-link" href="/api/openapi.json">
          /api/openapi.json
        </a>
      </p>
      {document.info.description ? <p class="ds-paragraph">{document.info.description}</p> : null}
      {operations.map(({ path, method, operation }) => (
        <section class="api-operation stack" aria-label={`${method.toUpperCase()} ${path}`}>
          <h2 class="ds-heading" data-size="sm">
            <code>{`${method.toUpperCase()} ${path}`}</code>
          </h2>
          {operation.summary ? <p class="ds-paragraph">{operation.summary}</p> : null}
          {operation.description ? <p class="ds-paragraph">{operation.description}</p> : null}
          {operation.parameters && operation.parameters.length > 0 ? (
            <table class="ds-table" data-size="sm">
              <caption>{t('api.reference.parameters')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('api.reference.name')}</th>
                  <th scope="col">{t('api.reference.in')}</th>
                  <th scope="col">{t('api.reference.required')}</th>
                  <th scope="col">{t('api.reference.description')}</th>
                </tr>
              </thead>
              <tbody>
                {operation.parameters.map((parameter) => (
                  <tr>
                    <td>
                      <code>{parameter.name}</code>
                    </td>
                    <td>{parameter.in}</td>
                    <td>{parameter.required ? t('common.yes') : t('common.no')}</td>
                    <td>{parameter.description ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <table class="ds-table" data-size="sm">
            <caption>{t('api.reference.responses')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('api.reference.status')}</th>
                <th scope="col">{t('api.reference.description')}</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(operation.responses ?? {}).map(([status, response]) => (
                <tr>
                  <td>{status}</td>
                  <td>{response.description ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </Layout>
  );
}

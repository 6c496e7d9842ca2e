import { DataTable } from '../components/data-table';
import { Layout, type PageContext } from '../layout';
import { apiDocuments, apiDocumentsText } from '../messages/api-documents';

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

/** Every audience's OpenAPI document: who it is for and how to authenticate. */
function ApiDocuments(props: { page: PageContext }) {
  const { lang } = props.page;
  return (
    <section class="stack" aria-labelledby="api-documents-heading">
      <h2 class="ds-heading" data-size="md" id="api-documents-heading">
        {apiDocumentsText.heading[lang]}
      </h2>
      <p class="ds-paragraph">{apiDocumentsText.lead[lang]}</p>
      <DataTable
        caption={apiDocumentsText.heading[lang]}
        captionHidden
        rows={apiDocuments}
        columns={[
          { header: apiDocumentsText.document[lang], cell: (entry) => <a class="ds-link" href={entry.path}>{`${entry.title[lang]} (${entry.path})`}</a> },
          { header: apiDocumentsText.for[lang], cell: (entry) => entry.audienceText[lang] },
          { header: apiDocumentsText.authentication[lang], cell: (entry) => entry.authentication[lang] },
        ]}
      />
    </section>
  );
}

/**
 * A readable reference of the open API, rendered on the server from the same OpenAPI document
 * that `/api/openapi.json` serves, so the two can never disagree; with the list of every
 * audience's document first.
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
      <ApiDocuments page={page} />
      <h2 class="ds-heading" data-size="md">
        {apiDocumentsText.operations[page.lang]}
      </h2>
      {operations.map(({ path, method, operation }) => (
        <section class="api-operation stack" aria-label={`${method.toUpperCase()} ${path}`}>
          <h3 class="ds-heading" data-size="sm">
            <code>{`${method.toUpperCase()} ${path}`}</code>
          </h3>
          {operation.summary ? <p class="ds-paragraph">{operation.summary}</p> : null}
          {operation.description ? <p class="ds-paragraph">{operation.description}</p> : null}
          {operation.parameters && operation.parameters.length > 0 ? (
            <DataTable
              caption={t('api.reference.parameters')}
              size="sm"
              rows={operation.parameters}
              columns={[
                { header: t('api.reference.name'), cell: (parameter) => <code>{parameter.name}</code> },
                { header: t('api.reference.in'), cell: (parameter) => parameter.in },
                { header: t('api.reference.required'), cell: (parameter) => (parameter.required ? t('common.yes') : t('common.no')) },
                { header: t('api.reference.description'), cell: (parameter) => parameter.description ?? '' },
              ]}
            />
          ) : null}
          <DataTable
            caption={t('api.reference.responses')}
            size="sm"
            rows={Object.entries(operation.responses ?? {})}
            columns={[
              { header: t('api.reference.status'), cell: ([status]) => status },
              { header: t('api.reference.description'), cell: ([, response]) => response.description ?? '' },
            ]}
          />
        </section>
      ))}
    </Layout>
  );
}

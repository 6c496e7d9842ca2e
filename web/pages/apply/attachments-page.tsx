/** Step 4 of the form: the application's attachments, uploaded one kind at a time (works without JavaScript). */
import type { AttachmentKind, AttachmentRef } from '../../../shared/applications/application';
import { attachmentKinds } from '../../../shared/applications/application';
import { formatKroner } from '../../../shared/kernel/money';
import type { RuleSet } from '../../../shared/rules/rule-set';
import { FormGuards } from '../../components/form-fields';
import type { PageContext } from '../../layout';
import { ApplicationFrame, applyText } from './application-frame';
import { FormTop, type SectionPageProps } from './section-pages';

/** The name of an attachment kind, with the round's audit threshold where the kind depends on it. */
export function attachmentKindLabel(page: PageContext, rules: Pick<RuleSet, 'auditThreshold'>, kind: AttachmentKind): string {
  return applyText(page)(`attachment.${kind}` as const, { threshold: formatKroner(rules.auditThreshold, page.lang) });
}

/** Step 4: attachments, uploaded one kind at a time (works without JavaScript). */
export function AttachmentsPage(props: SectionPageProps & { downloadUrls: Record<string, string> }) {
  const { page, application, errors } = props;
  const tx = applyText(page);
  const files = (kind: string): AttachmentRef[] => application.attachments.filter((file) => file.kind === kind);
  return (
    <ApplicationFrame page={page} call={props.call} application={application} step="attachments" title={tx('attachments.title')}>
      <FormTop {...props} />
      <p class="ds-paragraph">{tx('attachments.lead')}</p>
      {attachmentKinds.map((kind) => (
        <section class="stack attachment-kind" aria-labelledby={`heading-${kind}`}>
          <h2 id={`heading-${kind}`} class="ds-heading" data-size="xs">
            {attachmentKindLabel(page, props.rules, kind)}
          </h2>
          {files(kind).length === 0 ? (
            <p class="ds-paragraph" data-size="sm">
              {tx('attachments.none')}
            </p>
          ) : (
            <ul class="ds-list">
              {files(kind).map((file) => (
                <li>
                  <a class="ds-link" href={props.downloadUrls[file.key]} download={file.filename}>
                    {tx('attachments.download', { name: file.filename })}
                  </a>
                  {` (${Math.ceil(file.size / 1024)} kB) `}
                  <form method="post" action={`/applications/${application.applicationId}/attachments/remove`} class="inline-form">
                    <FormGuards csrf={props.csrf} version={application.version} />
                    <input type="hidden" name="key" value={file.key} />
                    <button type="submit" class="ds-button" data-variant="tertiary" data-size="sm">
                      {tx('attachments.remove', { name: file.filename })}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          )}
          <form method="post" enctype="multipart/form-data" class="upload-form" novalidate>
            <FormGuards csrf={props.csrf} version={application.version} />
            <input type="hidden" name="kind" value={kind} />
            <div class="ds-field">
              <label class="ds-label" for={`field-file-${kind}`}>
                {`${tx('attachments.upload')}: ${attachmentKindLabel(page, props.rules, kind)}`}
              </label>
              <input
                class="ds-input"
                type="file"
                id={`field-file-${kind}`}
                name="file"
                accept=".pdf,.odt,.docx,.png,.jpg,.jpeg,application/pdf,application/vnd.oasis.opendocument.text,application/vnd.openxmlformats-officedocument.wordprocessingml.document,image/png,image/jpeg"
                aria-describedby={errors[`file-${kind}`] ? `field-file-${kind}-error` : undefined}
                aria-invalid={errors[`file-${kind}`] ? 'true' : undefined}
              />
              {errors[`file-${kind}`] ? (
                <div class="ds-validation-message" data-color="danger" id={`field-file-${kind}-error`}>
                  {errors[`file-${kind}`]}
                </div>
              ) : null}
            </div>
            <button type="submit" class="ds-button" data-variant="secondary">
              {`${tx('attachments.upload')}: ${attachmentKindLabel(page, props.rules, kind)}`}
            </button>
          </form>
        </section>
      ))}
      <p class="ds-paragraph">
        <a class="ds-button" data-variant="primary" href={`/applications/${application.applicationId}/questions`}>
          {tx('attachments.continue')}
        </a>
      </p>
    </ApplicationFrame>
  );
}

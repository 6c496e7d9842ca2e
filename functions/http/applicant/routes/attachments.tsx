import { Hono } from 'hono';
import { z } from 'zod';
import { attachmentKinds, MAX_ATTACHMENT_BYTES } from '../../../../shared/applications/application';
import { attachmentKey } from '../../../../shared/applications/attachment-keys';
import { validateAttachment } from '../../../../shared/applications/attachments';
import { ConcurrentChangeError } from '../../../../shared/applications/errors';
import { saveApplicationSection } from '../../../../shared/applications/use-cases/save-application-section';
import { stepPath } from '../../../../web/pages/apply/application-frame';
import { AttachmentsPage } from '../../../../web/pages/apply/attachments-page';
import { FormRejection, formRoute, single, type FormState, type FormStatus } from '../../common/form-cycle';
import { pageContextOf } from '../../common/page-context';
import { openSection, journeyText, sessionCsrf, sessionDeps, sessionTokenCheck, versionOf, type ApplicationJourneyDependencies, type JourneyContext, type JourneyEnv } from '../journey';

/** Room for the form's other fields and the multipart framing around the largest file. */
const UPLOAD_OVERHEAD_BYTES = 64 * 1024;

const uploadSchema = z.object({ kind: z.enum(attachmentKinds), file: z.instanceof(File) });
const removeSchema = z.object({ key: z.string().min(1) });

/** The attachments step: upload a file of a kind, or remove one; each change is saved at once. */
export function attachmentRoutes(deps: ApplicationJourneyDependencies) {
  const app = new Hono<JourneyEnv>();
  const path = '/applications/:applicationId/attachments';

  async function render(c: JourneyContext, { errors, formError }: Pick<FormState, 'errors' | 'formError'>, status: 200 | FormStatus = 200) {
    const downloadUrls: Record<string, string> = {};
    for (const file of c.var.application.attachments) downloadUrls[file.key] = await c.var.data.attachments.getDownloadUrl(file.key, file.filename, 300);
    const { call, rules, application } = c.var;
    return c.html(
      <AttachmentsPage page={pageContextOf(c)} call={call} rules={rules} application={application} values={{}} errors={errors} csrf={sessionCsrf(deps, c)} downloadUrls={downloadUrls} formError={formError} />,
      status,
    );
  }

  /** Only a missing file has a field to blame; an unknown kind is not something the page lets anyone send. */
  const renderUpload = (c: JourneyContext, state: FormState, status: FormStatus) => {
    const kind = attachmentKinds.find((each) => each === state.values.kind);
    const fileMissing = kind && state.errors.file ? { [`file-${kind}`]: journeyText(c)('attachments.pickFile') } : {};
    const fromSchema = 'kind' in state.errors || 'file' in state.errors;
    return render(c, { errors: fromSchema ? fileMissing : state.errors, formError: state.formError }, status);
  };

  app.get(path, openSection('attachments'), (c) => render(c, { errors: {} }));

  app.post(
    path,
    ...formRoute<JourneyEnv, z.infer<typeof uploadSchema>>({
      ...sessionTokenCheck(deps),
      maxBytes: MAX_ATTACHMENT_BYTES + UPLOAD_OVERHEAD_BYTES,
      schema: () => uploadSchema,
      read: ({ values, files }) => ({ kind: single(values.kind), file: files.file?.size ? files.file : undefined }),
      render: renderUpload,
      shows: (error) => (error instanceof ConcurrentChangeError || error.code === 'application.section_not_returned' ? 409 : undefined),
      act: async (c, { kind, file }, { values }) => {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const checked = validateAttachment({ filename: file.name, bytes, declaredType: file.type }, { maxBytes: MAX_ATTACHMENT_BYTES });
        if (!checked.ok) throw new FormRejection({ [`file-${kind}`]: checked.error.messages[c.var.lang] });
        const { call, rules, application } = c.var;
        const key = attachmentKey(application, deps.newId(), checked.value.filename);
        await c.var.data.attachments.put(key, bytes, checked.value.mediaType, checked.value.filename);
        const added = { kind, key, filename: checked.value.filename, contentType: checked.value.mediaType, size: checked.value.size, uploadedAt: deps.clock().toISOString() };
        try {
          await saveApplicationSection(sessionDeps(deps, c), { call, rules, application, change: { attachments: [...application.attachments, added] }, expectedVersion: versionOf(values), section: 'attachments' });
        } catch (error) {
          // The file is not referenced by the application, so it must not stay in the store.
          await c.var.data.attachments.delete(key);
          throw error;
        }
        return `${stepPath(application.applicationId, 'attachments')}?saved=1`;
      },
    }),
  );

  app.post(
    `${path}/remove`,
    ...formRoute<JourneyEnv, z.infer<typeof removeSchema>>({
      ...sessionTokenCheck(deps),
      schema: (c) => removeSchema.refine(({ key }) => c.var.application.attachments.some((file) => file.key === key)),
      read: ({ values }) => ({ key: single(values.key) }),
      render: (c, state, status) => render(c, { errors: {}, formError: state.formError }, status),
      shows: (error) => (error instanceof ConcurrentChangeError || error.code === 'application.section_not_returned' ? 409 : undefined),
      act: async (c, { key }, { values }) => {
        const { call, rules, application } = c.var;
        const attachments = application.attachments.filter((file) => file.key !== key);
        await saveApplicationSection(sessionDeps(deps, c), { call, rules, application, change: { attachments }, expectedVersion: versionOf(values), section: 'attachments' });
        await c.var.data.attachments.delete(key);
        return stepPath(application.applicationId, 'attachments');
      },
    }),
  );

  return app;
}

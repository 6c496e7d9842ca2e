import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { parseKroner } from '../../../../shared/kernel/money';
import type { Clock, IdGenerator } from '../../../../shared/kernel/ports';
import type { AllocationDraftRepository } from '../../../../shared/national/allocation-draft';
import { frameChanges } from '../../../../shared/national/allocation-version';
import { KeyFileError } from '../../../../shared/national/distribution-key';
import { matchToRegister, proposalFromReport } from '../../../../shared/national/managing-municipalities';
import type { AllocationRepository, BudgetRepository, TenantRepository } from '../../../../shared/national/ports';
import { draftAllocation } from '../../../../shared/national/use-cases/draft-allocation';
import { completeAllocation, publishAllocation, type PublishAllocationDeps } from '../../../../shared/national/use-cases/publish-allocation';
import type { RuleSets } from '../../../../shared/rules/ports';
import { assignmentLetterEmail } from '../../../../web/emails/assignment-letter';
import { textTranslator } from '../../../../web/i18n';
import { allocationText } from '../../../../web/messages/allocation';
import { NationalAllocationReviewPage, type AllocationReview } from '../../../../web/pages/national-allocation-review-page';
import { NationalAllocationVersionPage } from '../../../../web/pages/national-allocation-version-page';
import { NationalAllocationYearPage, allocationDraftPath, allocationVersionPath } from '../../../../web/pages/national-allocation-year-page';
import type { AppEnv } from '../../common/app-env';
import { principalOf } from '../../common/authentication';
import { notFound } from '../../common/error-handling';
import { FormRejection, formRoute, single, type FormState, type FormStatus } from '../../common/form-cycle';
import { FORM_BODY_LIMIT_BYTES } from '../../common/request-guards';
import { signedInPage } from '../../common/signed-in-app';
import { budgetPositionsOf } from './budget-positions-data';

/** What IMDi's allocation pages read and write. */
export interface AllocationPagesData {
  tenants: Pick<TenantRepository, 'list' | 'getProfile'>;
  budget: Pick<BudgetRepository, 'get' | 'setFrame'>;
  allocations: AllocationRepository;
  allocationDrafts: AllocationDraftRepository;
  /** The year's rules as IMDi last saved them. */
  ruleSets: Pick<RuleSets, 'current'>;
  clock: Clock;
  newId: IdGenerator;
}

const yearSchema = z.coerce.number().int().min(2000).max(2100);
const versionSchema = z.coerce.number().int().min(1).max(999_999);
const textFields = z.object({ nationalFrame: z.string().default(''), statisticsYear: z.string().default('') });
const publishFields = z.object({ reason: z.string().max(1000).default('') });
/**
 * SSB's table for every municipality is about 40 KB, so the app's form limit (256 KB) holds any
 * real key file with room to spare; a larger upload is refused (413) before it is read.
 */
const KEY_FILE_LIMIT_BYTES = FORM_BODY_LIMIT_BYTES;

/** The year's current rules; a year without rules is refused with `rules.unknown_grant_year`. */
async function rulesOf(data: AllocationPagesData, year: number) {
  return (await data.ruleSets.current(year)).ruleSet;
}

/** The publish and finish steps' dependencies: the letter is composed with the year's rules. */
async function publishDeps(data: AllocationPagesData, year: number): Promise<PublishAllocationDeps> {
  const rules = await rulesOf(data, year);
  return {
    ...data,
    composeLetter: (version, frame, previousFrame) =>
      assignmentLetterEmail({ grantYear: year, version: version.version, frame, previousFrame, reason: version.reason, rules }),
  };
}

/** IMDi's pages for setting up a grant year: the frame and key, the review, publishing and finishing a publish. */
export function allocationPageRoutes(data: AllocationPagesData) {
  const app = new Hono<AppEnv>();
  const trOf = (c: Context<AppEnv>) => {
    const lang = c.get('lang');
    return (key: keyof typeof allocationText, values?: Record<string, string | number>) => textTranslator(allocationText, lang)(key, values);
  };
  const pageOf = (c: Context<AppEnv>) => signedInPage(c, 'national', async (tenantId) => (await data.tenants.getProfile(tenantId))?.name);
  const yearOf = (c: Context<AppEnv>) => yearSchema.safeParse(c.req.param('year')).data;

  async function renderYear(c: Context<AppEnv>, year: number, state: FormState, status: 200 | FormStatus = 200) {
    const [page, versions, positions] = await Promise.all([pageOf(c), data.allocations.list(year), budgetPositionsOf(data, year)]);
    const values = Object.fromEntries(Object.entries(state.values).map(([name, value]) => [name, single(value)]));
    const latest = versions.at(-1);
    // The latest version's frame, grouped as people write it (`132 500 000`), for a correction to start from.
    if (values.nationalFrame === undefined && latest) values.nationalFrame = String(latest.split.frame).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
    return c.html(<NationalAllocationYearPage page={page} tr={trOf(c)} year={year} versions={versions} positions={positions} values={values} errors={state.errors} formError={state.formError} />, status);
  }

  /** The review of a draft: matched to the register as it is now, with the change from the latest version. */
  async function reviewOf(year: number, draftId: string): Promise<AllocationReview | undefined> {
    const draft = await data.allocationDrafts.get(year, draftId);
    if (!draft) return undefined;
    const [tenants, latest] = await Promise.all([data.tenants.list(), data.allocations.latest(year)]);
    const report = matchToRegister(draft.file, tenants, year);
    const proposal = report.missing.length === 0 ? proposalFromReport(report, draft.nationalFrame, await rulesOf(data, year)) : undefined;
    return { draft, report, proposal, nextVersion: (latest?.version ?? 0) + 1, changes: proposal ? frameChanges(latest, proposal) : [] };
  }

  async function renderVersion(c: Context<AppEnv>, year: number, number: number, extra: { justPublished?: boolean; formError?: string } = {}, status: 200 | 409 | 422 = 200) {
    const versions = await data.allocations.list(year);
    const index = versions.findIndex((version) => version.version === number);
    if (index < 0) return notFound(c);
    const version = versions[index]!;
    const page = await pageOf(c);
    return c.html(<NationalAllocationVersionPage page={page} tr={trOf(c)} version={version} changes={frameChanges(versions[index - 1], version)} {...extra} />, status);
  }

  app.get('/national/years/:year', async (c) => {
    const year = yearOf(c);
    return year === undefined ? notFound(c) : renderYear(c, year, { values: {}, errors: {} });
  });

  app.post(
    '/national/years/:year/drafts',
    ...formRoute<AppEnv, z.infer<typeof textFields>>({
      schema: () => textFields,
      read: (form) => ({ nationalFrame: single(form.values.nationalFrame), statisticsYear: single(form.values.statisticsYear) }),
      render: (c, state, status) => {
        const year = yearOf(c);
        return year === undefined ? notFound(c) : renderYear(c, year, state, status);
      },
      maxBytes: KEY_FILE_LIMIT_BYTES,
      act: async (c, input, form) => {
        const year = yearOf(c);
        if (year === undefined) return notFound(c);
        const tr = trOf(c);
        const frame = parseKroner(input.nationalFrame);
        const statisticsYear = input.statisticsYear.trim() === '' ? undefined : yearSchema.safeParse(input.statisticsYear.trim()).data ?? null;
        const file = form.files.file;
        const errors = {
          ...(frame.ok ? {} : { nationalFrame: tr('import.frame.invalid') }),
          ...(statisticsYear === null ? { statisticsYear: tr('import.statisticsYear.invalid') } : {}),
          ...(file && file.size > 0 ? {} : { file: tr('import.file.missing') }),
        };
        if (!frame.ok || statisticsYear === null || !file || file.size === 0) throw new FormRejection(errors);
        // A year without rules cannot be divided: say so on the form rather than keep a draft no one can review.
        await rulesOf(data, year);
        try {
          const draft = await draftAllocation(data, {
            grantYear: year, nationalFrame: frame.value, bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name || 'key.csv',
            userId: principalOf(c).userId, ...(statisticsYear === undefined ? {} : { statisticsYear }),
          });
          return allocationDraftPath(year, draft.draftId);
        } catch (error) {
          // The file's own error names the line; it belongs to the file field, and nothing was stored.
          if (error instanceof KeyFileError) throw new FormRejection({ file: error.messages[c.get('lang')] });
          throw error;
        }
      },
    }),
  );

  async function renderReview(c: Context<AppEnv>, state: FormState, status: 200 | FormStatus = 200) {
    const year = yearOf(c);
    const review = year === undefined ? undefined : await reviewOf(year, c.req.param('draftId') ?? '');
    if (!review) return notFound(c);
    const values = Object.fromEntries(Object.entries(state.values).map(([name, value]) => [name, single(value)]));
    return c.html(<NationalAllocationReviewPage page={await pageOf(c)} tr={trOf(c)} review={review} values={values} errors={state.errors} formError={state.formError} />, status);
  }

  app.get('/national/years/:year/drafts/:draftId', (c) => renderReview(c, { values: {}, errors: {} }));

  app.post(
    '/national/years/:year/drafts/:draftId/publish',
    ...formRoute<AppEnv, z.infer<typeof publishFields>>({
      schema: () => publishFields,
      read: (form) => ({ reason: single(form.values.reason) }),
      render: (c, state, status) => renderReview(c, state, status),
      act: async (c, input) => {
        const year = yearOf(c);
        const review = year === undefined ? undefined : await reviewOf(year, c.req.param('draftId') ?? '');
        if (year === undefined || !review) return notFound(c);
        // Computed again from the register as it is now: a draft never publishes stale frames.
        const proposal = proposalFromReport(review.report, review.draft.nationalFrame, await rulesOf(data, year));
        const { userId, tenantId } = principalOf(c);
        const reason = input.reason.trim();
        const published = await publishAllocation(await publishDeps(data, year), { proposal, publisher: { userId, tenantId }, ...(reason ? { reason } : {}) });
        return `${allocationVersionPath(year, published.version.version)}?published=1`;
      },
    }),
  );

  app.get('/national/years/:year/versions/:version', (c) => {
    const year = yearOf(c);
    const version = versionSchema.safeParse(c.req.param('version')).data;
    if (year === undefined || version === undefined) return notFound(c);
    return renderVersion(c, year, version, { justPublished: c.req.query('published') === '1' });
  });

  app.post(
    '/national/years/:year/versions/:version/completion',
    ...formRoute<AppEnv, Record<string, never>>({
      schema: () => z.object({}) as unknown as z.ZodType<Record<string, never>>,
      read: () => ({}),
      render: (c, state, status) => renderVersion(c, yearOf(c) ?? 0, versionSchema.safeParse(c.req.param('version')).data ?? 0, { formError: state.formError }, status === 409 ? 409 : 422),
      act: async (c) => {
        const year = yearOf(c);
        const version = versionSchema.safeParse(c.req.param('version')).data;
        if (year === undefined || version === undefined) return notFound(c);
        await completeAllocation(await publishDeps(data, year), { grantYear: year, version, publisher: principalOf(c) });
        return `${allocationVersionPath(year, version)}?published=1`;
      },
    }),
  );

  return app;
}

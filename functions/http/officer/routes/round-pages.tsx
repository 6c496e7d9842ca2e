import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { parseOsloLocal } from '../../../../shared/kernel/deadlines';
import { DomainError } from '../../../../shared/kernel/errors';
import type { Clock } from '../../../../shared/kernel/ports';
import { osloYearOf } from '../../../../shared/national/register';
import { can } from '../../../../shared/officers/permissions';
import type { Call } from '../../../../shared/rounds/call';
import { roundInputSchema } from '../../../../shared/rounds/round-input';
import { rulesOfRound } from '../../../../shared/rounds/round-rules';
import { cancelRound } from '../../../../shared/rounds/use-cases/cancel-round';
import { correctRound } from '../../../../shared/rounds/use-cases/correct-round';
import { createRound } from '../../../../shared/rounds/use-cases/create-round';
import { editRound } from '../../../../shared/rounds/use-cases/edit-round';
import { publishRound } from '../../../../shared/rounds/use-cases/publish-round';
import { ruleSetsFrom } from '../../../../shared/rules/rule-sets';
import type { RuleSet } from '../../../../shared/rules/rule-set';
import { ulid } from 'ulid';
import { newRoundValues, readRoundForm, roundFormValues, withAnotherRow, type RoundFormValues } from '../../../../web/components/round-form';
import { OfficerRoundFormPage } from '../../../../web/pages/officer-round-form-page';
import { OfficerRoundPage, roundActionsFor, type RoundActionState } from '../../../../web/pages/officer-round-page';
import { OfficerRoundPreviewPage } from '../../../../web/pages/officer-round-preview-page';
import { officerRoundPath } from '../../../../web/pages/officer-workspace-page';
import { principalOf } from '../../common/authentication';
import { notFound, statusOfDomainError } from '../../common/error-handling';
import { formRoute, single, versionField, type FormStatus, type FormValues } from '../../common/form-cycle';
import { signedInPage } from '../../common/signed-in-app';
import type { OfficerEnv } from '../officer-data';
import { requirePermission } from '../permissions';
import { roundIdSchema } from './rounds-api';

const manage = requirePermission('rounds.manage');
const readCases = requirePermission('cases.read');

/** The round form's input, or the request for one more row of a repeated group (nothing saved). */
const roundFormSchema = z.any().transform((input: { addRow?: string; values: FormValues; version?: string }, ctx) => {
  if (input.addRow) return { kind: 'addRow' as const, group: input.addRow, values: input.values };
  const parsed = roundInputSchema.safeParse(readRoundForm(input.values));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue } as never);
    return z.NEVER;
  }
  return { kind: 'round' as const, ...parsed.data, version: versionField(input.version) ?? 0 };
});

const correctionSchema = z.object({
  text: z.string().trim().min(1).max(2000),
  deadline: z.string().trim().max(40).transform((value, ctx) => {
    if (value === '') return undefined;
    const parsed = parseOsloLocal(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.error.messages.en, params: { code: `deadline.${parsed.error.code}`, messages: parsed.error.messages } });
      return z.NEVER;
    }
    return parsed.value;
  }),
  version: z.coerce.number().int().min(1),
});
const cancellationSchema = z.object({ reason: z.string().trim().min(1).max(2000), version: z.coerce.number().int().min(1) });

/** A field's text as one string. */
const text = (values: FormValues, name: string) => single(values[name]);

/**
 * The officer's round pages: create, edit, preview, and the round page with its publish,
 * correction and cancellation forms. Every change needs `rounds.manage`; reading needs `cases.read`.
 */
export function roundPageRoutes(options: { clock?: Clock; baseUrl: string }) {
  const clock = options.clock ?? (() => new Date());
  const app = new Hono<OfficerEnv>();
  const pageFor = (c: Context<OfficerEnv>) => signedInPage(c, 'officer', async (tenantId) => (await c.var.data.tenants.getProfile(tenantId))?.name);
  const ruleSets = (c: Context<OfficerEnv>) => ruleSetsFrom(c.var.data.ruleSets);
  const audit = (c: Context<OfficerEnv>) => ({ eventId: ulid(), at: clock().toISOString(), actor: principalOf(c).userId });

  async function roundOf(c: Context<OfficerEnv>) {
    const roundId = roundIdSchema.safeParse(c.req.param('roundId'));
    return roundId.success ? c.var.data.calls.getVersioned(principalOf(c).tenantId, roundId.data) : undefined;
  }

  async function renderRound(c: Context<OfficerEnv>, round: Call & { version: number }, extra: { state?: RoundActionState; notice?: Parameters<typeof OfficerRoundPage>[0]['notice'] } = {}, status: 200 | FormStatus = 200) {
    const { tenantId, roles } = principalOf(c);
    const applications = await c.var.data.applications.listSubmittedByRound(tenantId, round.roundId);
    const { version, ...call } = round;
    return c.html(
      <OfficerRoundPage page={await pageFor(c)} round={call} applications={applications} actions={roundActionsFor(call.status, can(roles, 'rounds.manage'))} version={version} {...extra} />,
      status,
    );
  }

  async function renderForm(c: Context<OfficerEnv>, view: { ruleSet: RuleSet; values: RoundFormValues; errors?: Record<string, string | undefined>; formError?: string; roundId?: string; version?: number }, status: 200 | FormStatus = 200) {
    return c.html(<OfficerRoundFormPage page={await pageFor(c)} errors={{}} {...view} />, status);
  }

  /** The rules the form offers: the year's current for a new round, the round's own version for an edit. */
  async function formRules(c: Context<OfficerEnv>, values: FormValues, roundId?: string) {
    if (roundId) {
      const round = await c.var.data.calls.get(principalOf(c).tenantId, roundId);
      return round ? (await rulesOfRound(ruleSets(c), round)).ruleSet : undefined;
    }
    const year = Number(text(values, 'grantYear')) || osloYearOf(clock());
    try {
      return (await ruleSets(c).current(year)).ruleSet;
    } catch {
      return (await ruleSets(c).current(osloYearOf(clock()))).ruleSet;
    }
  }

  app.get('/officer/rounds/new', manage, async (c) => {
    const year = z.coerce.number().int().min(2000).max(2100).safeParse(c.req.query('year') ?? osloYearOf(clock()));
    if (!year.success) return notFound(c);
    const rules = await ruleSets(c).current(year.data);
    return renderForm(c, { ruleSet: rules.ruleSet, values: newRoundValues(year.data, rules.ruleSet) });
  });

  app.post(
    '/officer/rounds/new',
    manage,
    ...formRoute<OfficerEnv, z.infer<typeof roundFormSchema>>({
      schema: () => roundFormSchema,
      read: (form) => ({ addRow: text(form.values, 'addRow') || undefined, values: form.values }),
      render: async (c, state, status) => {
        const ruleSet = await formRules(c, state.values);
        if (!ruleSet) return notFound(c);
        return renderForm(c, { ruleSet, values: state.values, errors: state.errors, ...(state.formError ? { formError: state.formError } : {}) }, status);
      },
      act: async (c, input) => {
        if (input.kind === 'addRow') {
          const ruleSet = await formRules(c, input.values);
          return ruleSet ? renderForm(c, { ruleSet, values: withAnotherRow(input.values, input.group) }) : notFound(c);
        }
        const { tenantId } = principalOf(c);
        const profile = await c.var.data.tenants.getProfile(tenantId);
        const round = await createRound(
          { calls: c.var.data.calls, ruleSets: ruleSets(c) },
          {
            tenantId,
            administratorName: profile?.name ?? (await pageFor(c)).session?.tenantName ?? tenantId,
            ...(profile?.kommunenummer ? { kommunenummer: profile.kommunenummer } : {}),
            grantYear: input.grantYear,
            status: 'draft',
            ...input.content,
          },
          audit(c),
        );
        return `${officerRoundPath(round.roundId)}?notice=created`;
      },
    }),
  );

  app.get('/officer/rounds/:roundId', readCases, async (c) => {
    const round = await roundOf(c);
    if (!round) return notFound(c);
    const notice = z.enum(['created', 'saved', 'published', 'corrected', 'cancelled']).safeParse(c.req.query('notice')).data;
    return renderRound(c, round, notice ? { notice } : {});
  });

  app.get('/officer/rounds/:roundId/preview', readCases, async (c) => {
    const round = await roundOf(c);
    if (!round) return notFound(c);
    const { version: _version, ...call } = round;
    return c.html(<OfficerRoundPreviewPage page={await pageFor(c)} round={call} baseUrl={options.baseUrl} now={clock()} />);
  });

  app.get('/officer/rounds/:roundId/edit', manage, async (c) => {
    const round = await roundOf(c);
    if (!round) return notFound(c);
    const { version, ...call } = round;
    const ruleSet = (await rulesOfRound(ruleSets(c), call)).ruleSet;
    return renderForm(c, { ruleSet, values: roundFormValues(call), roundId: call.roundId, version });
  });

  app.post(
    '/officer/rounds/:roundId/edit',
    manage,
    ...formRoute<OfficerEnv, z.infer<typeof roundFormSchema>>({
      schema: () => roundFormSchema,
      read: (form) => ({ addRow: text(form.values, 'addRow') || undefined, values: form.values, version: text(form.values, 'version') }),
      render: async (c, state, status) => {
        const roundId = roundIdSchema.safeParse(c.req.param('roundId')).data;
        const ruleSet = roundId ? await formRules(c, state.values, roundId) : undefined;
        if (!ruleSet || !roundId) return notFound(c);
        const version = versionField(state.values.version);
        return renderForm(c, { ruleSet, values: state.values, errors: state.errors, roundId, ...(version ? { version } : {}), ...(state.formError ? { formError: state.formError } : {}) }, status);
      },
      act: async (c, input) => {
        const roundId = roundIdSchema.safeParse(c.req.param('roundId')).data;
        if (!roundId) return notFound(c);
        if (input.kind === 'addRow') {
          const ruleSet = await formRules(c, input.values, roundId);
          const version = versionField(input.values.version);
          return ruleSet ? renderForm(c, { ruleSet, values: withAnotherRow(input.values, input.group), roundId, ...(version ? { version } : {}) }) : notFound(c);
        }
        const edited = await editRound(
          { calls: c.var.data.calls, ruleSets: ruleSets(c) },
          { tenantId: principalOf(c).tenantId, roundId, expectedVersion: input.version, content: input.content, audit: audit(c) },
        );
        return edited ? `${officerRoundPath(roundId)}?notice=saved` : notFound(c);
      },
    }),
  );

  /** A form on the round page: its cycle, with the round page shown again on a refusal. */
  function roundAction<S extends z.ZodType>(form: RoundActionState['form'], schema: S, run: (c: Context<OfficerEnv>, input: z.infer<S>, round: Call & { version: number }) => Promise<unknown>, notice: 'published' | 'corrected' | 'cancelled') {
    return formRoute<OfficerEnv, z.infer<S>>({
      schema: () => schema as unknown as z.ZodType<z.infer<S>>,
      read: (posted) => Object.fromEntries(Object.entries(posted.values).map(([name, value]) => [name, single(value)])),
      render: async (c, state, status) => {
        const round = await roundOf(c);
        if (!round) return notFound(c);
        const values = Object.fromEntries(Object.entries(state.values).map(([name, value]) => [name, single(value)]));
        const errors = state.errors as Record<string, string | undefined>;
        return renderRound(c, round, { state: { form, values, errors, ...(state.formError ? { formError: state.formError } : {}) } }, status);
      },
      act: async (c, input) => {
        const round = await roundOf(c);
        if (!round) return notFound(c);
        await run(c, input, round);
        return `${officerRoundPath(round.roundId)}?notice=${notice}`;
      },
      shows: (error: DomainError) => {
        const status = statusOfDomainError(error);
        return status === 404 ? undefined : status;
      },
    });
  }

  const versionOnly = z.object({ version: z.coerce.number().int().min(1).optional() });
  app.post('/officer/rounds/:roundId/publication', manage, ...roundAction('publication', versionOnly, async (c, input, round) => {
    await publishRound({ calls: c.var.data.calls, ruleSets: ruleSets(c), clock }, {
      tenantId: round.tenantId, roundId: round.roundId, ...(input.version === undefined ? {} : { expectedVersion: input.version }), audit: audit(c),
    });
  }, 'published'));

  app.post('/officer/rounds/:roundId/corrections', manage, ...roundAction('correction', correctionSchema, async (c, input, round) => {
    const t = { nb: input.text, nn: input.text, en: input.text };
    await correctRound({ calls: c.var.data.calls, ruleSets: ruleSets(c), clock }, {
      tenantId: round.tenantId, roundId: round.roundId, expectedVersion: input.version, text: t, ...(input.deadline ? { deadline: input.deadline } : {}), audit: audit(c),
    });
  }, 'corrected'));

  app.post('/officer/rounds/:roundId/cancellation', manage, ...roundAction('cancellation', cancellationSchema, async (c, input, round) => {
    await cancelRound({ calls: c.var.data.calls, clock }, { tenantId: round.tenantId, roundId: round.roundId, expectedVersion: input.version, reason: input.reason, audit: audit(c) });
  }, 'cancelled'));

  return app;
}

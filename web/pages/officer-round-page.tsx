import type { Application } from '../../shared/applications/application';
import type { Call } from '../../shared/rounds/call';
import { formatKroner } from '../../shared/kernel/money';
import { callPath } from '../components/call-card';
import { CallFacts } from '../components/call-facts';
import { DataTable } from '../components/data-table';
import { Section } from '../components/section';
import { formatDateTime } from '../../shared/kernel/deadlines';
import { Alert, TextArea, TextField, type FieldErrors } from '../components/form-fields';
import { RoundNotices } from '../components/round-notices';
import { textTranslator } from '../i18n';
import { Layout, type PageContext } from '../layout';
import { roundText } from '../messages/rounds';
import { officerRoundPath, RoundStatusTag } from './officer-workspace-page';

/** A form on the round page shown again after a refused post: which, what was typed, its errors. */
export interface RoundActionState {
  readonly form: 'correction' | 'cancellation' | 'publication';
  readonly values: Record<string, string>;
  readonly errors: FieldErrors;
  readonly formError?: string;
}

/** What the signed-in user may do to the round now, by its status and their permissions. */
export interface RoundActions {
  readonly edit: boolean;
  readonly publish: boolean;
  readonly correct: boolean;
  readonly cancel: boolean;
}

/** The actions allowed for a round in `status` to a user who may (or may not) manage rounds. */
export function roundActionsFor(status: Call['status'], canManage: boolean): RoundActions {
  return {
    edit: canManage && (status === 'draft' || status === 'published'),
    publish: canManage && status === 'draft',
    correct: canManage && (status === 'open' || status === 'closed'),
    cancel: canManage && (status === 'draft' || status === 'published' || status === 'open'),
  };
}

/** One round of the officer's own municipality, with the actions allowed now. */
export function OfficerRoundPage(props: {
  page: PageContext;
  round: Call;
  applications: Application[];
  actions?: RoundActions;
  /** The round's stored version, carried by the forms so a concurrent change is refused. */
  version?: number;
  notice?: 'created' | 'saved' | 'published' | 'corrected' | 'cancelled';
  state?: RoundActionState;
}) {
  const { page, round, applications } = props;
  const { t, lang } = page;
  const tr = textTranslator(roundText, lang);
  const actions = props.actions ?? roundActionsFor(round.status, false);
  const path = officerRoundPath(round.roundId);
  const state = (form: RoundActionState['form']) => (props.state?.form === form ? props.state : undefined);
  const versionField = props.version === undefined ? null : <input type="hidden" name="version" value={String(props.version)} />;
  const notices = { created: 'round.created', saved: 'round.saved', published: 'round.published', corrected: 'round.corrected', cancelled: 'round.cancelledNotice' } as const;
  return (
    <Layout page={page} title={round.title[lang]}>
      <p class="ds-paragraph">
        <a class="ds-link" href="/officer">
          {t('officer.round.back')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="xl">
        {round.title[lang]}
      </h1>
      <p class="ds-paragraph">
        <RoundStatusTag page={page} status={round.status} />
      </p>
      {props.notice ? <Alert color="success"><p class="ds-paragraph">{tr(notices[props.notice])}</p></Alert> : null}
      <RoundNotices lang={lang} call={round} />
      {actions.edit || actions.publish || actions.correct || actions.cancel || round.status === 'draft' ? (
        <Section id="round-actions" heading={tr('round.actions')}>
          <ul class="ds-list">
            <li><a class="ds-link" href={`${path}/preview`}>{tr('round.preview')}</a></li>
            {actions.edit ? <li><a class="ds-link" href={`${path}/edit`}>{tr('round.edit')}</a></li> : null}
          </ul>
          {actions.publish ? (
            <form method="post" action={`${path}/publication`} class="stack">
              {versionField}
              {state('publication')?.formError ? <Alert color="danger"><p class="ds-paragraph">{state('publication')!.formError}</p></Alert> : null}
              <p class="ds-paragraph">{tr('round.publish.hint', { opensAt: formatDateTime(round.opensAt, lang), deadline: formatDateTime(round.deadline, lang) })}</p>
              <button type="submit" class="ds-button" data-variant="primary">{tr('round.publish')}</button>
            </form>
          ) : null}
          {actions.correct ? (
            <form method="post" action={`${path}/corrections`} class="stack" novalidate>
              <h3 class="ds-heading" data-size="xs">{tr('correct.heading')}</h3>
              {versionField}
              {state('correction')?.formError ? <Alert color="danger"><p class="ds-paragraph">{state('correction')!.formError}</p></Alert> : null}
              <TextArea name="text" label={tr('correct.text')} value={state('correction')?.values.text ?? ''} error={state('correction')?.errors.text} maxLength={2000} rows={3} />
              {round.status === 'open' ? (
                <TextField name="deadline" type="datetime-local" size="md" label={tr('correct.deadline')} help={tr('times.hint')} value={state('correction')?.values.deadline ?? ''} error={state('correction')?.errors.deadline} />
              ) : null}
              <button type="submit" class="ds-button" data-variant="secondary">{tr('correct.submit')}</button>
            </form>
          ) : null}
          {actions.cancel ? (
            <form method="post" action={`${path}/cancellation`} class="stack" novalidate>
              <h3 class="ds-heading" data-size="xs">{tr('cancel.heading')}</h3>
              {versionField}
              {state('cancellation')?.formError ? <Alert color="danger"><p class="ds-paragraph">{state('cancellation')!.formError}</p></Alert> : null}
              <TextArea name="reason" label={tr('cancel.reason')} value={state('cancellation')?.values.reason ?? ''} error={state('cancellation')?.errors.reason} maxLength={2000} rows={3} />
              <button type="submit" class="ds-button" data-variant="secondary" data-color="danger">{tr('cancel.submit')}</button>
            </form>
          ) : null}
        </Section>
      ) : null}
      <Section id="round-details" heading={t('officer.round.details')}>
        <p class="ds-paragraph" data-variant="long">
          {round.summary[lang]}
        </p>
        <CallFacts page={page} call={round} full />
      </Section>
      <Section id="round-applications" heading={t('officer.applications.heading')}>
        {applications.length === 0 ? (
          <p class="ds-paragraph">{t('officer.applications.none')}</p>
        ) : (
          <DataTable
            caption={t('officer.applications.heading')}
            captionHidden
            size="sm"
            rows={applications}
            columns={[
              {
                header: t('officer.applications.reference'),
                cell: (application) => (
                  <a class="ds-link" href={`/officer/applications/${encodeURIComponent(application.applicationId)}`}>
                    {application.reference}
                  </a>
                ),
              },
              { header: t('officer.applications.organisation'), cell: (application) => application.organisationName },
              {
                header: t('officer.applications.status'),
                cell: (application) => t(`officer.applications.status.${application.status === 'withdrawn' ? 'withdrawn' : 'received'}`),
              },
              {
                header: t('officer.applications.amount'),
                cell: (application) => (application.budget ? formatKroner(application.budget.amountApplied, lang) : '–'),
              },
              {
                header: t('officer.applications.registry'),
                cell: (application) => (
                  <span class="ds-tag" data-color={application.registryCheck.status === 'verified' ? 'success' : 'warning'}>
                    {t(`officer.applications.registry.${application.registryCheck.status}`)}
                  </span>
                ),
              },
            ]}
          />
        )}
      </Section>
      {applications.length === 0 ? null : (
        <ul class="ds-list">
          <li><a class="ds-link" href={`${path}/ranking`}>{tr('round.ranking')}</a></li>
          <li><a class="ds-link" href={`${path}/decisions`}>{tr('round.decisions')}</a></li>
        </ul>
      )}
      {round.status === 'draft' ? null : (
        <p class="ds-paragraph">
          <a class="ds-link" href={callPath(round)}>
            {t('officer.round.public')}
          </a>
        </p>
      )}
    </Layout>
  );
}

import { formatDate, formatDateTime } from '../../shared/kernel/deadlines';
import { formatKroner, kroner } from '../../shared/kernel/money';
import { auditKinds, type AuditEntry, type AuditFilter, type AuditRange } from '../../shared/national/audit-trail';
import { DataTable } from '../components/data-table';
import { ErrorSummary, TextField, fieldId, type FieldErrors } from '../components/form-fields';
import { textTranslator } from '../i18n';
import { Layout, type PageContext } from '../layout';
import { nationalBudgetText } from '../messages/national-budget';

/** The figures a budget event shows as before → after, in this order. */
const figures = ['frame', 'carriedOver', 'adminReserved', 'awarded', 'returned', 'returnedToImdi', 'carriedForward', 'available'] as const;

/** A select of the filter, with "all" first; the label names it. */
function Select(props: { name: string; label: string; all: string; value?: string; options: readonly { value: string; label: string }[] }) {
  const id = fieldId(props.name);
  return (
    <div class="ds-field">
      <label class="ds-label" for={id}>
        {props.label}
      </label>
      <select class="ds-input" id={id} name={props.name}>
        <option value="">{props.all}</option>
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * IMDi's audit trail: a filter (GET, so a filtered view can be linked) and the events, newest first,
 * with budget events' amounts and the figures that changed.
 */
export function NationalAuditPage(props: {
  page: PageContext;
  filter: AuditFilter;
  range: AuditRange;
  tenants: readonly { readonly tenantId: string; readonly name: string }[];
  events: readonly AuditEntry[];
  truncated: boolean;
  /** A filter that could not be used: the errors by field, and what was typed, shown again as typed. */
  refused?: { errors: FieldErrors; typed: Partial<Record<keyof AuditFilter, string>> };
}) {
  const { page, filter, range, tenants, events, refused } = props;
  const typed = (name: keyof AuditFilter) => refused?.typed[name] ?? (filter[name] === undefined ? '' : String(filter[name]));
  const tx = textTranslator(nationalBudgetText, page.lang);
  const kr = (amount: number) => formatKroner(kroner(amount), page.lang);
  const nameOf = new Map(tenants.map((tenant) => [tenant.tenantId, tenant.name]));
  const kindLabel = (kind: string) => ((auditKinds as readonly string[]).includes(kind) ? tx(`audit.kind.${kind as (typeof auditKinds)[number]}`) : kind);
  const changed = (event: AuditEntry) =>
    figures
      .filter((name) => event.before?.[name] !== undefined && event.after?.[name] !== undefined && event.before[name] !== event.after[name])
      .map((name) => `${tx(`audit.figure.${name}`)}: ${kr(event.before![name]!)} → ${kr(event.after![name]!)}`);
  const lastDay = new Date(Date.parse(range.to) - 1000);
  return (
    <Layout page={page} title={tx('audit.title')}>
      <h1 class="ds-heading" data-size="xl">
        {tx('audit.title')}
      </h1>
      <p class="ds-paragraph">{tx('audit.lead')}</p>
      {refused ? <ErrorSummary title={tx('audit.filter.errors')} errors={refused.errors} /> : null}
      <form method="get" action="/national/audit" class="stack" aria-label={tx('audit.filter')}>
        <TextField name="year" label={tx('audit.filter.year')} value={typed('year')} error={refused?.errors.year} inputmode="numeric" size="sm" />
        <TextField name="from" label={tx('audit.filter.from')} help={tx('audit.filter.dates.help')} value={typed('from')} error={refused?.errors.from} type="date" size="sm" />
        <TextField name="to" label={tx('audit.filter.to')} value={typed('to')} error={refused?.errors.to} type="date" size="sm" />
        <Select
          name="tenantId"
          label={tx('audit.filter.municipality')}
          all={tx('audit.filter.all')}
          value={filter.tenantId}
          options={tenants.map((tenant) => ({ value: tenant.tenantId, label: tenant.name }))}
        />
        <Select name="kind" label={tx('audit.filter.kind')} all={tx('audit.filter.all')} value={filter.kind} options={auditKinds.map((kind) => ({ value: kind, label: kindLabel(kind) }))} />
        <button type="submit" class="ds-button" data-variant="secondary">
          {tx('audit.filter.submit')}
        </button>
      </form>
      {props.truncated ? <p class="ds-paragraph">{tx('audit.truncated', { count: events.length })}</p> : null}
      {refused ? null : events.length === 0 ? (
        <p class="ds-paragraph">{tx('audit.none')}</p>
      ) : (
        <DataTable
          caption={tx('audit.caption', { from: formatDate(range.from, page.lang), to: formatDate(lastDay, page.lang) })}
          size="sm"
          rows={events}
          columns={[
            { header: tx('audit.when'), cell: (event) => formatDateTime(event.at, page.lang) },
            { header: tx('audit.who'), cell: (event) => event.actor },
            { header: tx('audit.where'), cell: (event) => nameOf.get(event.tenantId) ?? event.tenantId },
            { header: tx('audit.what'), cell: (event) => `${kindLabel(event.kind)}: ${event.action}${event.grantYear ? ` (${event.grantYear})` : ''}` },
            { header: tx('audit.amount'), cell: (event) => (event.amount === undefined ? '' : <span class="amount">{kr(event.amount)}</span>) },
            {
              header: tx('audit.change'),
              cell: (event) => (
                <ul class="count-list">
                  {changed(event).map((line) => (
                    <li>{line}</li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      )}
    </Layout>
  );
}

/** Named errors of the report use cases; the HTTP layer maps their codes to statuses once. */
import { DomainError } from '../kernel/errors';
import { formatKroner, type Kroner } from '../kernel/money';

/** There is no report to write: no accepted grant, or the report is in the officer's hands. */
export class ReportNotOpenError extends DomainError {
  constructor() {
    super('report.not_open', {
      nb: 'Rapporten kan ikke endres nå. Den kan skrives når tilskuddet er tatt imot, og endres igjen bare hvis kommunen sender den tilbake.',
      nn: 'Rapporten kan ikkje endrast no. Han kan skrivast når tilskotet er teke imot, og endrast att berre om kommunen sender han tilbake.',
      en: 'The report cannot be changed now. It can be written once the grant is accepted, and changed again only if the municipality returns it.',
    });
  }
}

/** The report was already submitted (a second click, another tab). */
export class ReportAlreadySubmittedError extends DomainError {
  constructor() {
    super('report.already_submitted', {
      nb: 'Rapporten er allerede sendt. Du trenger ikke sende den igjen.',
      nn: 'Rapporten er allereie sendt. Du treng ikkje sende han igjen.',
      en: 'The report has already been sent. You do not need to send it again.',
    });
  }
}

/** The officer acted on a report that is not waiting for review, e.g. another officer got there first. */
export class ReportNotAwaitingReviewError extends DomainError {
  constructor(readonly current: string | undefined) {
    super('report.not_awaiting_review', current === 'approved' ? {
      nb: 'Rapporten er allerede godkjent, kanskje av en annen saksbehandler nå nettopp.',
      nn: 'Rapporten er allereie godkjend, kanskje av ein annan saksbehandlar no nettopp.',
      en: 'The report has already been approved, perhaps by another officer just now.',
    } : current === 'returned_for_changes' ? {
      nb: 'Rapporten er allerede sendt tilbake til organisasjonen, kanskje av en annen saksbehandler nå nettopp.',
      nn: 'Rapporten er allereie send tilbake til organisasjonen, kanskje av ein annan saksbehandlar no nettopp.',
      en: 'The report has already been returned to the organisation, perhaps by another officer just now.',
    } : {
      nb: 'Det finnes ingen innsendt rapport å behandle.',
      nn: 'Det finst ingen innsend rapport å handsame.',
      en: 'There is no submitted report to review.',
    }, { details: { current } });
  }
}

/** The grant is at or above the audit threshold and no auditor's confirmation is attached. */
export class AuditorConfirmationMissingError extends DomainError {
  constructor(threshold: Kroner) {
    super('report.auditor_confirmation_missing', {
      nb: `Tilskudd på ${formatKroner(threshold, 'nb')} eller mer krever at revisor bekrefter regnskapet. Last opp revisors bekreftelse.`,
      nn: `Tilskot på ${formatKroner(threshold, 'nn')} eller meir krev at revisor stadfestar rekneskapen. Last opp stadfestinga frå revisor.`,
      en: `Grants of ${formatKroner(threshold, 'en')} or more need the accounts confirmed by an auditor. Upload the auditor's confirmation.`,
    }, { fields: [{ field: 'auditorConfirmation', code: 'report.auditor_confirmation_missing', messages: {
      nb: 'Last opp revisors bekreftelse av regnskapet.',
      nn: 'Last opp stadfestinga frå revisor av rekneskapen.',
      en: "Upload the auditor's confirmation of the accounts.",
    } }] });
  }
}

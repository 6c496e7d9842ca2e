/** Named errors of appeals; the HTTP layer maps each code to a status once. */
import { DomainError } from '../kernel/errors';
import { formatDate } from '../kernel/deadlines';

/** Only a signed decision can be appealed; the application has none yet. */
export class NothingToAppealError extends DomainError {
  constructor() {
    super('appeal.no_decision', {
      nb: 'Det er ikke fattet vedtak i saken ennå, så det er ikke noe å klage på.',
      nn: 'Det er ikkje gjort vedtak i saka enno, så det er ikkje noko å klage på.',
      en: 'No decision has been made in this case yet, so there is nothing to appeal against.',
    });
  }
}

/** The decision already has an appeal; it is handled once (a second submit, or another tab, lost). */
export class AppealAlreadyLodgedError extends DomainError {
  constructor(readonly lodgedAt: string) {
    super('appeal.already_lodged', {
      nb: `Dere klaget på dette vedtaket ${formatDate(lodgedAt, 'nb')}. Klagen er registrert og blir behandlet.`,
      nn: `De klaga på dette vedtaket ${formatDate(lodgedAt, 'nn')}. Klaga er registrert og blir handsama.`,
      en: `You appealed against this decision on ${formatDate(lodgedAt, 'en')}. The appeal is recorded and will be handled.`,
    }, { details: { lodgedAt } });
  }
}

/** The application has no appeal for an officer to handle. */
export class NoAppealError extends DomainError {
  constructor() {
    super('appeal.not_found', {
      nb: 'Det er ingen klage i denne saken.', nn: 'Det er inga klage i denne saka.', en: 'There is no appeal in this case.',
    });
  }
}

/**
 * The appeal moved on since the officer opened it (another officer took a step first): one step
 * stands, and the officer reads the appeal again before taking another.
 */
export class AppealChangedError extends DomainError {
  constructor() {
    super('appeal.changed_meanwhile', {
      nb: 'Klagen er endret av noen andre siden du åpnet den. Last siden på nytt og se hva som er gjort.',
      nn: 'Klaga er endra av nokon andre sidan du opna ho. Last sida på nytt og sjå kva som er gjort.',
      en: 'Someone else changed the appeal since you opened it. Reload the page to see what was done.',
    });
  }
}

/** The forwarding date is not a date, or lies in the future. */
export class ForwardingDateError extends DomainError {
  constructor(readonly typed: string) {
    super('appeal.forwarded_on_invalid', {
      nb: `«${typed}» er ikke en gyldig dato for oversendelsen. Skriv datoen den ble sendt, som ÅÅÅÅ-MM-DD, ikke senere enn i dag.`,
      nn: `«${typed}» er ikkje ein gyldig dato for oversendinga. Skriv datoen ho vart send, som ÅÅÅÅ-MM-DD, ikkje seinare enn i dag.`,
      en: `"${typed}" is not a valid date for the forwarding. Give the date it was sent, as YYYY-MM-DD, no later than today.`,
    }, { fields: [{ field: 'forwardedOn', code: 'appeal.forwarded_on_invalid', messages: {
      nb: 'Skriv datoen som ÅÅÅÅ-MM-DD, ikke senere enn i dag.', nn: 'Skriv datoen som ÅÅÅÅ-MM-DD, ikkje seinare enn i dag.', en: 'Give the date as YYYY-MM-DD, no later than today.',
    } }] });
  }
}

/** After a reversal the new decision may not award less than the reversed one held from the budget. */
export class AwardBelowHeldError extends DomainError {
  constructor(readonly held: number) {
    super('appeal.award_below_held', {
      nb: `Det nye vedtaket kan ikke gi mindre enn det omgjorte vedtaket ga (${held} kr).`,
      nn: `Det nye vedtaket kan ikkje gi mindre enn det omgjorde vedtaket gav (${held} kr).`,
      en: `The new decision cannot award less than the reversed decision did (NOK ${held}).`,
    }, { details: { held } });
  }
}

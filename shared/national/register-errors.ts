/** Errors of changing the tenant register (who manages the scheme in which year). */
import { DomainError } from '../kernel/errors.js';
import type { KommunenummerInYearError } from '../kernel/kommunenummer-validity.js';

/** The kommunenummer is not one of a municipality in the year it is to manage from. */
export class KommunenummerNotValidInYearError extends DomainError {
  constructor(kommunenummer: string, year: number, error: KommunenummerInYearError) {
    super(`register.kommunenummer_${error.code}`, error.messages, {
      fields: [{ field: 'kommunenummer', code: `kommunenummer.${error.code}`, messages: error.messages }],
      details: { kommunenummer, year, ...(error.suggestion ? { suggestion: error.suggestion } : {}) },
    });
  }
}

/** The municipality already manages the scheme in that year or from a later year on. */
export class AlreadyManagingError extends DomainError {
  constructor(name: string, year: number) {
    super('register.already_managing', {
      nb: `${name} forvalter allerede ordningen i ${year} eller senere.`,
      nn: `${name} forvaltar allereie ordninga i ${year} eller seinare.`,
      en: `${name} already manages the scheme in ${year} or later.`,
    }, { details: { year } });
  }
}

/** The municipality does not manage the scheme from that year on: it was retired already, or never managed then. */
export class NotManagingFromError extends DomainError {
  constructor(name: string, year: number) {
    super('register.not_managing', {
      nb: `${name} forvalter ikke ordningen i ${year}, så den kan ikke avsluttes fra det året.`,
      nn: `${name} forvaltar ikkje ordninga i ${year}, så ho kan ikkje avsluttast frå det året.`,
      en: `${name} does not manage the scheme in ${year}, so it cannot be retired from that year.`,
    }, { details: { year }, fields: [fieldOf('fromYear', 'register.not_managing', name, year)] });
  }
}

/** The retirement year is not after the year the municipality started managing the scheme: it would never have managed it. */
export class RetiredBeforeStartError extends DomainError {
  constructor(name: string, year: number, startedIn: number) {
    const messages = {
      nb: `${name} begynte å forvalte ordningen i ${startedIn} og kan tidligst avsluttes fra ${startedIn + 1}.`,
      nn: `${name} byrja å forvalte ordninga i ${startedIn} og kan tidlegast avsluttast frå ${startedIn + 1}.`,
      en: `${name} started managing the scheme in ${startedIn} and can be retired from ${startedIn + 1} at the earliest.`,
    };
    super('register.retired_before_start', messages, {
      details: { year, startedIn },
      fields: [{ field: 'fromYear', code: 'register.retired_before_start', messages }],
    });
  }
}

/** No municipality with that id in the register. */
export class NotInRegisterError extends DomainError {
  constructor(tenantId: string) {
    super('register.not_found', {
      nb: 'Kommunen finnes ikke i registeret.',
      nn: 'Kommunen finst ikkje i registeret.',
      en: 'The municipality is not in the register.',
    }, { details: { tenantId } });
  }
}

function fieldOf(field: string, code: string, name: string, year: number) {
  return {
    field,
    code,
    messages: {
      nb: `${name} forvalter ikke ordningen i ${year}.`,
      nn: `${name} forvaltar ikkje ordninga i ${year}.`,
      en: `${name} does not manage the scheme in ${year}.`,
    },
  };
}

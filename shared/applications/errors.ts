/** Named errors of the application use cases; the HTTP layer maps them by name, once. */
import { DomainError } from '../kernel/errors';
import type { LocalizedText } from '../kernel/i18n';
import type { EligibilityFinding } from '../rules/eligibility';

/** Someone else changed the application first (another tab, a double click, an officer). */
export class ConcurrentChangeError extends DomainError {
  constructor() {
    super('application.concurrent_change', {
      nb: 'Søknaden ble endret et annet sted samtidig. Last siden på nytt og prøv igjen; det som er lagret, er ikke tapt.',
      nn: 'Søknaden vart endra ein annan stad samstundes. Last sida på nytt og prøv igjen; det som er lagra, er ikkje tapt.',
      en: 'The application was changed elsewhere at the same time. Reload the page and try again; what was saved is not lost.',
    });
  }
}

/** No such application for this session. */
export class NotFoundError extends DomainError {
  constructor() {
    super('application.not_found', { nb: 'Vi finner ikke søknaden.', nn: 'Vi finn ikkje søknaden.', en: 'We cannot find the application.' });
  }
}

/** The call does not take applications now. */
export class CallNotOpenError extends DomainError {
  constructor() {
    super('application.call_not_open', {
      nb: 'Utlysningen tar ikke imot søknader nå.',
      nn: 'Utlysinga tek ikkje imot søknader no.',
      en: 'The call is not taking applications now.',
    });
  }
}

/** Enhetsregisteret does not know the organisation number. */
export class OrganisationNotFoundError extends DomainError {
  constructor() {
    super('organisation.not_found', {
      nb: 'Vi finner ikke organisasjonsnummeret i Enhetsregisteret. Sjekk nummeret.',
      nn: 'Vi finn ikkje organisasjonsnummeret i Einingsregisteret. Sjekk nummeret.',
      en: 'We cannot find the organisation number in the Central Coordinating Register (Enhetsregisteret). Check the number.',
    });
  }
}

/** The organisation has been deleted from Enhetsregisteret. */
export class OrganisationRemovedError extends DomainError {
  constructor() {
    super('organisation.removed', {
      nb: 'Organisasjonen er slettet fra Enhetsregisteret og kan ikke søke.',
      nn: 'Organisasjonen er sletta frå Einingsregisteret og kan ikkje søkje.',
      en: 'The organisation has been deleted from the Central Coordinating Register and cannot apply.',
    });
  }
}

/** The registry says the organisation cannot apply to this call; the findings say why. */
export class NotEligibleError extends DomainError {
  constructor(readonly findings: EligibilityFinding[]) {
    super('organisation.not_eligible', {
      nb: 'Organisasjonen kan ikke søke på denne utlysningen.',
      nn: 'Organisasjonen kan ikkje søkje på denne utlysinga.',
      en: 'The organisation cannot apply to this call.',
    });
  }
}

/** The application misses something it needs before it can be submitted. */
export class IncompleteApplicationError extends DomainError {
  constructor() {
    super('application.incomplete', {
      nb: 'Søknaden mangler noe før den kan sendes.',
      nn: 'Søknaden manglar noko før han kan sendast.',
      en: 'The application is missing something before it can be submitted.',
    });
  }
}

/** Only a draft can be edited; this one has been submitted or withdrawn. */
export class NotEditableError extends DomainError {
  constructor() {
    super('application.not_editable', {
      nb: 'Søknaden er sendt og kan ikke endres lenger.',
      nn: 'Søknaden er send og kan ikkje endrast lenger.',
      en: 'The application has been submitted and can no longer be changed.',
    });
  }
}

/** What a recused person tried to do in a case, so that the refusal names it. */
export type RecusedAct = 'handle' | 'assess' | 'recommend' | 'decide';

const recusedMessages: Record<RecusedAct, LocalizedText> = {
  handle: {
    nb: 'Du har meldt deg inhabil i denne saken og kan ikke behandle den.',
    nn: 'Du har meldt deg inhabil i denne saka og kan ikkje handsame ho.',
    en: 'You have declared a conflict of interest in this case and cannot handle it.',
  },
  assess: {
    nb: 'Du har meldt deg inhabil i denne saken og kan ikke vurdere den.',
    nn: 'Du har meldt deg inhabil i denne saka og kan ikkje vurdere ho.',
    en: 'You have declared a conflict of interest in this case and cannot assess it.',
  },
  recommend: {
    nb: 'Du har meldt deg inhabil i denne saken og kan ikke innstille i den.',
    nn: 'Du har meldt deg inhabil i denne saka og kan ikkje innstille i ho.',
    en: 'You have declared a conflict of interest in this case and cannot recommend in it.',
  },
  decide: {
    nb: 'Du har meldt deg inhabil i denne saken og kan ikke fatte vedtak i den.',
    nn: 'Du har meldt deg inhabil i denne saka og kan ikkje gjere vedtak i ho.',
    en: 'You have declared a conflict of interest in this case and cannot decide it.',
  },
};

/**
 * The acting user declared a conflict of interest in this case (fvl. § 6) and may not take part in it.
 * One code for every act, so every refusal of a recused user maps to the same status.
 */
export class ActorRecusedError extends DomainError {
  constructor(act: RecusedAct = 'handle') {
    super('application.actor_recused', recusedMessages[act]);
  }
}

/** The application was returned for more information, but not this part of it: it stays as it was sent. */
export class SectionNotReturnedError extends DomainError {
  constructor() {
    super('application.section_not_returned', {
      nb: 'Kommunen har ikke bedt om endringer i denne delen av søknaden, så den kan ikke endres nå. Du kan endre delene som står i forespørselen på statussiden.',
      nn: 'Kommunen har ikkje bede om endringar i denne delen av søknaden, så han kan ikkje endrast no. Du kan endre delane som står i førespurnaden på statussida.',
      en: 'The municipality has not asked for changes to this part of the application, so it cannot be changed now. You can change the parts named in the request on the status page.',
    });
  }
}

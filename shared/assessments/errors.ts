/** Named errors of the assessment use cases; the HTTP layer maps them by code, once. */
import { DomainError, type FieldError } from '../kernel/errors';

/** Scoring before declaring impartiality. */
export class NotDeclaredError extends DomainError {
  constructor() {
    super('assessment.not_declared', {
      nb: 'Du må erklære at du er habil før du kan gi poeng.',
      nn: 'Du må erklære at du er habil før du kan gi poeng.',
      en: 'You must declare that you are impartial before you can score.',
    });
  }
}

/** A second declaration of the same kind, or impartiality after recusal. */
export class AlreadyDeclaredError extends DomainError {
  constructor() {
    super('assessment.already_declared', {
      nb: 'Du har allerede levert en erklæring for denne søknaden.',
      nn: 'Du har allereie levert ei erklæring for denne søknaden.',
      en: 'You have already made a declaration for this application.',
    });
  }
}

/** The assessment has been submitted: it is read-only. */
export class AlreadySubmittedError extends DomainError {
  constructor() {
    super('assessment.already_submitted', {
      nb: 'Vurderingen er sendt inn og kan ikke endres.',
      nn: 'Vurderinga er send inn og kan ikkje endrast.',
      en: 'The assessment has been submitted and can no longer be changed.',
    });
  }
}

/** The application is not in a status that takes assessments. */
export class NotUnderAssessmentError extends DomainError {
  constructor() {
    super('assessment.not_open', {
      nb: 'Søknaden er ikke til vurdering nå.',
      nn: 'Søknaden er ikkje til vurdering no.',
      en: 'The application is not being assessed now.',
    });
  }
}

/** The round has no scoring set up. */
export class NoAssessmentSetUpError extends DomainError {
  constructor() {
    super('assessment.not_set_up', {
      nb: 'Utlysningen har ingen vurderingskriterier, så søknadene kan ikke få poeng.',
      nn: 'Utlysinga har ingen vurderingskriterium, så søknadene kan ikkje få poeng.',
      en: 'The round has no assessment criteria, so its applications cannot be scored.',
    });
  }
}

/** Scores that are not on the scale, or missing when submitting; each field says which. */
export class IncompleteScoresError extends DomainError {
  constructor(fields: readonly FieldError[]) {
    super(
      'assessment.invalid_scores',
      {
        nb: 'Vurderingen er ikke fullstendig. Se feltene som er merket.',
        nn: 'Vurderinga er ikkje fullstendig. Sjå felta som er merkte.',
        en: 'The assessment is not complete. See the fields marked.',
      },
      { fields },
    );
  }
}

/** A recusal without a reason, or with one too long. */
export class RecusalReasonError extends DomainError {
  constructor() {
    const messages = {
      nb: 'Skriv kort hvorfor du er inhabil (opptil 1000 tegn).',
      nn: 'Skriv kort kvifor du er inhabil (opptil 1000 teikn).',
      en: 'Say briefly why you have a conflict of interest (up to 1000 characters).',
    };
    super('assessment.reason_required', messages, { fields: [{ field: 'reason', code: 'assessment.reason_required', messages }] });
  }
}

/** Named errors of signing decisions; the HTTP layer maps each code to a status once. */
import { DomainError } from '../kernel/errors';
import { formatDate } from '../kernel/deadlines';
import { formatKroner, type Kroner } from '../kernel/money';

/** There is nothing to sign: the caseworker has not recommended an outcome. */
export class NoRecommendationError extends DomainError {
  constructor() {
    super('decision.no_recommendation', {
      nb: 'Søknaden har ingen innstilling å signere ennå.',
      nn: 'Søknaden har inga innstilling å signere enno.',
      en: 'The application has no recommendation to sign yet.',
    });
  }
}

/** The recommendation changed after the approver saw it: they must read it again before signing. */
export class RecommendationChangedError extends DomainError {
  constructor() {
    super('decision.recommendation_changed', {
      nb: 'Innstillingen er endret siden du åpnet siden. Les den nye innstillingen før du signerer.',
      nn: 'Innstillinga er endra sidan du opna sida. Les den nye innstillinga før du signerer.',
      en: 'The recommendation has changed since you opened the page. Read the new recommendation before you sign.',
    });
  }
}

/** The application already has a decision; a decision is never signed twice. */
export class AlreadyDecidedError extends DomainError {
  constructor() {
    super('decision.already_decided', {
      nb: 'Det er allerede fattet vedtak i denne saken.',
      nn: 'Det er allereie gjort vedtak i denne saka.',
      en: 'This case has already been decided.',
    });
  }
}

/**
 * Committing the award would spend more than the municipality has left. `available` is the figure
 * as it stands when read again after the refusal, so the approver sees what is really left.
 */
export class NotEnoughFundsError extends DomainError {
  constructor(readonly amount: Kroner, readonly available: Kroner) {
    super('decision.insufficient_funds', {
      nb: `Ikke nok tilgjengelige midler: ${formatKroner(available, 'nb')} igjen.`,
      nn: `Ikkje nok tilgjengelege midlar: ${formatKroner(available, 'nn')} att.`,
      en: `Not enough available funds: ${formatKroner(available, 'en')} left.`,
    }, { details: { amount, available } });
  }
}

/** Only a grant can be accepted or declined: the application was rejected, or is not decided yet. */
export class NotGrantedError extends DomainError {
  constructor() {
    super('acceptance.not_granted', {
      nb: 'Søknaden er ikke innvilget, så det er ikke noe tilskudd å ta imot eller takke nei til.',
      nn: 'Søknaden er ikkje innvilga, så det er ikkje noko tilskot å ta imot eller seie nei til.',
      en: 'The application has not been granted, so there is no grant to accept or decline.',
    });
  }
}

/** The grant is already accepted, declined or lapsed; an answer is given once. */
export class GrantAlreadyAnsweredError extends DomainError {
  constructor(readonly outcome: 'accepted' | 'declined' | 'lapsed') {
    const messages = {
      accepted: { nb: 'Tilskuddet er allerede tatt imot.', nn: 'Tilskotet er allereie teke imot.', en: 'The grant has already been accepted.' },
      declined: { nb: 'Det er allerede takket nei til tilskuddet.', nn: 'Det er allereie sagt nei til tilskotet.', en: 'The grant has already been declined.' },
      lapsed: { nb: 'Tilskuddet er falt bort fordi det ikke ble tatt imot innen fristen.', nn: 'Tilskotet har falle bort fordi det ikkje vart teke imot innan fristen.', en: 'The grant has lapsed because it was not accepted by the deadline.' },
    }[outcome];
    super('acceptance.already_answered', messages, { details: { outcome } });
  }
}

/** The deadline to accept has passed: the grant lapses (the nightly job records it and returns the money). */
export class AcceptanceDeadlinePassedError extends DomainError {
  constructor(readonly deadline: string) {
    super('acceptance.deadline_passed', {
      nb: `Fristen for å ta imot tilskuddet gikk ut ${formatDate(deadline, 'nb')}. Tilskuddet er falt bort.`,
      nn: `Fristen for å ta imot tilskotet gjekk ut ${formatDate(deadline, 'nn')}. Tilskotet har falle bort.`,
      en: `The deadline to accept the grant was ${formatDate(deadline, 'en')}. The grant has lapsed.`,
    }, { details: { deadline } });
  }
}

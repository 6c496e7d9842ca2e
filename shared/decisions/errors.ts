/** Named errors of signing decisions; the HTTP layer maps each code to a status once. */
import { DomainError } from '../kernel/errors';
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

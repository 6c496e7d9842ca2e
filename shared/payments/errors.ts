/** Named errors of paying grants out; the HTTP layer maps each code to a status once. */
import { DomainError } from '../kernel/errors';
import { formatKroner, type Kroner } from '../kernel/money';
import type { LocalizedText } from '../kernel/i18n';

/** Nothing may be paid before the organisation has accepted the grant (or after it declined or lapsed). */
export class NotAcceptedError extends DomainError {
  constructor() {
    super('payment.not_accepted', {
      nb: 'Tilskuddet kan ikke utbetales før organisasjonen har tatt imot det.',
      nn: 'Tilskotet kan ikkje betalast ut før organisasjonen har teke imot det.',
      en: 'The grant cannot be paid before the organisation has accepted it.',
    });
  }
}

/** The instalment is not in the decision's plan. */
export class NoSuchInstalmentError extends DomainError {
  constructor(instalment: number) {
    super('payment.no_such_instalment', {
      nb: `Vedtaket har ingen utbetaling nummer ${instalment}.`,
      nn: `Vedtaket har inga utbetaling nummer ${instalment}.`,
      en: `The decision has no instalment number ${instalment}.`,
    }, { details: { instalment } });
  }
}

/** The instalment has been recorded already (by someone else, or by a second click): it is paid once. */
export class InstalmentAlreadyPaidError extends DomainError {
  constructor(instalment: number) {
    super('payment.already_paid', {
      nb: `Utbetaling ${instalment} er allerede registrert.`,
      nn: `Utbetaling ${instalment} er allereie registrert.`,
      en: `Instalment ${instalment} has already been recorded.`,
    }, { details: { instalment } });
  }
}

/** Paying this would pay out more than the grant; cannot happen with a plan that adds up, but is refused all the same. */
export class PaymentBeyondAwardError extends DomainError {
  constructor(amount: Kroner, left: Kroner) {
    super('payment.beyond_award', {
      nb: `Utbetalingen på ${formatKroner(amount, 'nb')} er mer enn de ${formatKroner(left, 'nb')} som gjenstår av tilskuddet.`,
      nn: `Utbetalinga på ${formatKroner(amount, 'nn')} er meir enn dei ${formatKroner(left, 'nn')} som står att av tilskotet.`,
      en: `The payment of ${formatKroner(amount, 'en')} is more than the ${formatKroner(left, 'en')} left of the grant.`,
    }, { details: { amount, left } });
  }
}

const conditionMessages: Record<'report_approved' | 'conditions_confirmed', LocalizedText> = {
  report_approved: {
    nb: 'Denne utbetalingen holdes tilbake til sluttrapporten er godkjent.',
    nn: 'Denne utbetalinga blir halden tilbake til sluttrapporten er godkjend.',
    en: 'This instalment is held until the final report is approved.',
  },
  conditions_confirmed: {
    nb: 'Bekreft at vilkårene for denne utbetalingen er oppfylt, og skriv hva du har kontrollert.',
    nn: 'Stadfest at vilkåra for denne utbetalinga er oppfylte, og skriv kva du har kontrollert.',
    en: 'Confirm that the conditions for this instalment are met, and write what you checked.',
  },
};

/** The instalment waits for something that has not happened yet. */
export class InstalmentHeldError extends DomainError {
  constructor(readonly condition: 'report_approved' | 'conditions_confirmed') {
    super(`payment.held_${condition}`, conditionMessages[condition], {
      details: { condition },
      ...(condition === 'conditions_confirmed' ? { fields: [{ field: 'conditionsNote', code: 'payment.held_conditions_confirmed', messages: conditionMessages[condition] }] } : {}),
    });
  }
}

/** Enhetsregisteret says the organisation may not be paid: deleted, bankrupt, or being wound up. */
export class PaymentBlockedByRegistryError extends DomainError {
  constructor(readonly finding: 'removed' | 'not_found' | 'bankrupt' | 'winding_up') {
    const messages: Record<typeof finding, LocalizedText> = {
      removed: {
        nb: 'Utbetalingen er stoppet: organisasjonen er slettet i Enhetsregisteret.',
        nn: 'Utbetalinga er stoppa: organisasjonen er sletta i Einingsregisteret.',
        en: 'The payment is stopped: the organisation has been deleted from the Central Coordinating Register.',
      },
      not_found: {
        nb: 'Utbetalingen er stoppet: organisasjonen finnes ikke i Enhetsregisteret.',
        nn: 'Utbetalinga er stoppa: organisasjonen finst ikkje i Einingsregisteret.',
        en: 'The payment is stopped: the organisation is not in the Central Coordinating Register.',
      },
      bankrupt: {
        nb: 'Utbetalingen er stoppet: organisasjonen er konkurs ifølge Enhetsregisteret.',
        nn: 'Utbetalinga er stoppa: organisasjonen er konkurs ifølgje Einingsregisteret.',
        en: 'The payment is stopped: the organisation is bankrupt according to the Central Coordinating Register.',
      },
      winding_up: {
        nb: 'Utbetalingen er stoppet: organisasjonen er under avvikling ifølge Enhetsregisteret.',
        nn: 'Utbetalinga er stoppa: organisasjonen er under avvikling ifølgje Einingsregisteret.',
        en: 'The payment is stopped: the organisation is being wound up according to the Central Coordinating Register.',
      },
    };
    super(`payment.registry_${finding}`, messages[finding], { details: { finding } });
  }
}

/** Enhetsregisteret did not answer, so the organisation could not be checked before paying. */
export class RegistryUnavailableForPaymentError extends DomainError {
  constructor() {
    super('payment.registry_unavailable', {
      nb: 'Enhetsregisteret svarte ikke, så organisasjonen kunne ikke sjekkes før utbetaling. Prøv igjen om litt.',
      nn: 'Einingsregisteret svarte ikkje, så organisasjonen kunne ikkje sjekkast før utbetaling. Prøv att om litt.',
      en: 'The Central Coordinating Register did not answer, so the organisation could not be checked before payment. Try again shortly.',
    });
  }
}

/** The application has no account number to pay into (or it was erased). */
export class NoAccountNumberError extends DomainError {
  constructor() {
    super('payment.no_account_number', {
      nb: 'Søknaden har ikke noe kontonummer å betale til.',
      nn: 'Søknaden har ikkje noko kontonummer å betale til.',
      en: 'The application has no account number to pay into.',
    });
  }
}

/** There is nothing recorded and not yet exported. */
export class NothingToExportError extends DomainError {
  constructor() {
    super('payment.nothing_to_export', {
      nb: 'Det er ingen registrerte utbetalinger som ikke allerede er eksportert.',
      nn: 'Det er ingen registrerte utbetalingar som ikkje allereie er eksporterte.',
      en: 'There are no recorded payments that have not been exported already.',
    });
  }
}

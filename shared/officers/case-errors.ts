/** Named errors of assigning people to a case; the HTTP layer maps them by code, once. */
import { DomainError } from '../kernel/errors';

/** The person picked is not in the staff directory, or may not take that part in the case. */
export class StaffNotAssignableError extends DomainError {
  constructor(field: 'caseworkerId' | 'assessorIds', userId: string) {
    const messages = field === 'caseworkerId'
      ? {
          nb: 'Velg en saksbehandler fra listen over kommunens ansatte.',
          nn: 'Vel ein saksbehandlar frå lista over dei tilsette i kommunen.',
          en: "Choose a caseworker from the list of the municipality's staff.",
        }
      : {
          nb: 'Velg vurderere fra listen. Den som har meldt seg inhabil, kan ikke vurdere saken.',
          nn: 'Vel vurderarar frå lista. Den som har meldt seg inhabil, kan ikkje vurdere saka.',
          en: 'Choose assessors from the list. Someone who has declared a conflict of interest cannot assess the case.',
        };
    super('case.staff_not_assignable', messages, { fields: [{ field, code: 'case.staff_not_assignable', messages }], details: { userId } });
  }
}

/** The case is past the point where people are assigned (decided, withdrawn or still a draft). */
export class NotAssignableNowError extends DomainError {
  constructor(status: string) {
    super('case.not_assignable_now', {
      nb: 'Saken kan ikke få saksbehandler eller vurderere i den statusen den har nå.',
      nn: 'Saka kan ikkje få saksbehandlar eller vurderarar i den statusen ho har no.',
      en: 'The case cannot be given a caseworker or assessors in its current status.',
    }, { details: { status } });
  }
}

/** Someone else changed the case after the form was shown: nothing was saved. */
export class CaseChangedMeanwhileError extends DomainError {
  constructor() {
    super('case.changed_meanwhile', {
      nb: 'Noen andre endret saken samtidig, og endringen din ble ikke lagret. Se hva som er lagret nå, og velg på nytt.',
      nn: 'Nokon andre endra saka samstundes, og endringa di vart ikkje lagra. Sjå kva som er lagra no, og vel på nytt.',
      en: 'Someone else changed the case at the same time, and your change was not saved. See what is saved now and choose again.',
    });
  }
}

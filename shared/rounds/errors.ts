/** The refusals of the round use cases, each with a stable code and its text in every language. */
import { DomainError } from '../kernel/errors.js';

/** The round id was taken by another round a moment ago; the creator tries the next number. */
export class RoundIdTakenError extends DomainError {
  constructor(roundId: string) {
    super('round.id_taken', {
      nb: `Utlysningsnummeret ${roundId} er allerede i bruk.`,
      nn: `Utlysingsnummeret ${roundId} er allereie i bruk.`,
      en: `The round number ${roundId} is already taken.`,
    }, { details: { roundId } });
  }
}

/** Someone else changed (or the scheduler opened) the round since the officer read it. */
export class RoundChangedMeanwhileError extends DomainError {
  constructor() {
    super('round.changed_meanwhile', {
      nb: 'Utlysningen ble endret et annet sted mens du arbeidet. Det du skrev er tatt vare på her; se over og lagre på nytt.',
      nn: 'Utlysinga vart endra ein annan stad medan du arbeidde. Det du skreiv er teke vare på her; sjå over og lagre på nytt.',
      en: 'The round was changed elsewhere while you were working. What you typed is kept here; check it and save again.',
    });
  }
}

/** Settings can be edited only before the round opens; after that only corrections are possible. */
export class RoundNotEditableError extends DomainError {
  constructor(status: string) {
    super('round.not_editable', {
      nb: 'Utlysningen er åpnet og kan ikke lenger endres. Legg inn en rettelse i stedet.',
      nn: 'Utlysinga er opna og kan ikkje lenger endrast. Legg inn ei retting i staden.',
      en: 'The round has opened and can no longer be edited. Add a correction instead.',
    }, { details: { status } });
  }
}

/** Corrections are made to a round that has opened, not to a draft or one that is over. */
export class RoundNotCorrectableError extends DomainError {
  constructor(status: string) {
    super('round.not_correctable', {
      nb: 'Rettelser kan bare legges inn når utlysningen er åpen eller lukket.',
      nn: 'Rettingar kan berre leggjast inn når utlysinga er open eller lukka.',
      en: 'Corrections can be added only while the round is open or closed.',
    }, { details: { status } });
  }
}

/** A corrected deadline may only move later, and never to a time already past. */
export class DeadlineNotLaterError extends DomainError {
  constructor() {
    super('round.deadline_not_later', {
      nb: 'Ny frist må være senere enn både gjeldende frist og nå.',
      nn: 'Ny frist må vere seinare enn både gjeldande frist og no.',
      en: 'The new deadline must be later than both the current deadline and now.',
    }, {
      fields: [{ field: 'deadline', code: 'round.deadline_not_later', messages: {
        nb: 'Ny frist må være senere enn både gjeldende frist og nå.',
        nn: 'Ny frist må vere seinare enn både gjeldande frist og no.',
        en: 'The new deadline must be later than both the current deadline and now.',
      } }],
    });
  }
}

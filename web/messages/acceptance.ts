/** Texts of accepting or declining a grant: the applicant's status page and the officer's case page. */
import type { LocalizedText } from '../../shared/kernel/i18n';

export const acceptanceText = {
  'heading': { nb: 'Ta imot tilskuddet', nn: 'Ta imot tilskotet', en: 'Accept the grant' },
  'lead': {
    nb: 'Tilskuddet på {amount} gis på disse vilkårene. Ta imot tilskuddet og vilkårene, eller takk nei, innen {deadline}.',
    nn: 'Tilskotet på {amount} blir gitt på desse vilkåra. Ta imot tilskotet og vilkåra, eller sei nei, innan {deadline}.',
    en: 'The grant of {amount} is given on these conditions. Accept the grant and its conditions, or decline it, by {deadline}.',
  },
  'lead.noDeadline': {
    nb: 'Tilskuddet på {amount} gis på disse vilkårene. Ta imot tilskuddet og vilkårene, eller takk nei.',
    nn: 'Tilskotet på {amount} blir gitt på desse vilkåra. Ta imot tilskotet og vilkåra, eller sei nei.',
    en: 'The grant of {amount} is given on these conditions. Accept the grant and its conditions, or decline it.',
  },
  'lapse': {
    nb: 'Svarer dere ikke innen fristen, faller tilskuddet bort.',
    nn: 'Svarer de ikkje innan fristen, fell tilskotet bort.',
    en: 'If you do not answer by the deadline, the grant lapses.',
  },
  'conditions': { nb: 'Vilkår', nn: 'Vilkår', en: 'Conditions' },
  'accept': { nb: 'Ta imot tilskuddet', nn: 'Ta imot tilskotet', en: 'Accept the grant' },
  'decline': { nb: 'Takk nei til tilskuddet', nn: 'Sei nei til tilskotet', en: 'Decline the grant' },
  'decline.confirm': {
    nb: 'Jeg bekrefter at vi takker nei til tilskuddet. Dette kan ikke angres.',
    nn: 'Eg stadfestar at vi seier nei til tilskotet. Dette kan ikkje angrast.',
    en: 'I confirm that we decline the grant. This cannot be undone.',
  },
  'decline.help': {
    nb: 'For å takke nei må du krysse av for å bekrefte det først.',
    nn: 'For å seie nei må du kryssa av for å stadfeste det først.',
    en: 'To decline, tick the box to confirm it first.',
  },
  'decline.mustConfirm': {
    nb: 'Kryss av for å bekrefte at dere takker nei til tilskuddet. Vil dere ta imot det, velg «Ta imot tilskuddet».',
    nn: 'Kryss av for å stadfeste at de seier nei til tilskotet. Vil de ta imot det, vel «Ta imot tilskotet».',
    en: 'Tick the box to confirm that you decline the grant. To accept it, choose “Accept the grant”.',
  },
  'done.accepted': { nb: 'Dere har tatt imot tilskuddet. Vi har sendt en kvittering på e-post.', nn: 'De har teke imot tilskotet. Vi har sendt ei kvittering på e-post.', en: 'You have accepted the grant. We have sent a receipt by email.' },
  'done.declined': { nb: 'Dere har takket nei til tilskuddet. Vi har sendt en kvittering på e-post.', nn: 'De har sagt nei til tilskotet. Vi har sendt ei kvittering på e-post.', en: 'You have declined the grant. We have sent a receipt by email.' },
  'state.heading': { nb: 'Svar på tilskuddet', nn: 'Svar på tilskotet', en: 'Answer to the grant' },
  'state.awaiting': { nb: 'Venter på svar innen {deadline}', nn: 'Ventar på svar innan {deadline}', en: 'Awaiting an answer by {deadline}' },
  'state.awaiting.noDeadline': { nb: 'Venter på svar', nn: 'Ventar på svar', en: 'Awaiting an answer' },
  'state.overdue': {
    nb: 'Fristen for å ta imot tilskuddet gikk ut {deadline}. Tilskuddet er falt bort.',
    nn: 'Fristen for å ta imot tilskotet gjekk ut {deadline}. Tilskotet har falle bort.',
    en: 'The deadline to accept the grant was {deadline}. The grant has lapsed.',
  },
  'state.accepted': { nb: 'Tatt imot {at}', nn: 'Teke imot {at}', en: 'Accepted on {at}' },
  'state.declined': { nb: 'Takket nei {at}', nn: 'Sagt nei {at}', en: 'Declined on {at}' },
  'state.lapsed': { nb: 'Falt bort {at} (ikke tatt imot innen {deadline})', nn: 'Falle bort {at} (ikkje teke imot innan {deadline})', en: 'Lapsed on {at} (not accepted by {deadline})' },
  'event.accepted': { nb: 'Tilskuddet ble tatt imot', nn: 'Tilskotet vart teke imot', en: 'The grant was accepted' },
  'event.declined': { nb: 'Det ble takket nei til tilskuddet', nn: 'Det vart sagt nei til tilskotet', en: 'The grant was declined' },
  'event.lapsed': { nb: 'Tilskuddet falt bort', nn: 'Tilskotet fall bort', en: 'The grant lapsed' },
} as const satisfies Record<string, LocalizedText>;

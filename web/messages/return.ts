/**
 * Texts of returning an application for more information: the officer's form, the applicant's
 * request on the status page and in the form, the emails. Bokmål, nynorsk and English side by side.
 */
import type { LocalizedText } from '../../shared/kernel/i18n';

export const returnText = {
  // The form's sections, as both the officer and the applicant read them.
  'section.contact': { nb: 'Kontaktperson og kontonummer', nn: 'Kontaktperson og kontonummer', en: 'Contact person and account number' },
  'section.project': { nb: 'Prosjektet', nn: 'Prosjektet', en: 'The project' },
  'section.budget': { nb: 'Budsjett', nn: 'Budsjett', en: 'Budget' },
  'section.attachments': { nb: 'Vedlegg', nn: 'Vedlegg', en: 'Attachments' },
  'section.questions': { nb: 'Spørsmål i utlysningen', nn: 'Spørsmål i utlysinga', en: 'Questions in the call' },

  // Application statuses as officers read them.
  'state.draft': { nb: 'Utkast', nn: 'Utkast', en: 'Draft' },
  'state.submitted': { nb: 'Mottatt', nn: 'Motteken', en: 'Received' },
  'state.withdrawn': { nb: 'Trukket', nn: 'Trekt', en: 'Withdrawn' },
  'state.under_assessment': { nb: 'Under behandling', nn: 'Under handsaming', en: 'Being assessed' },
  'state.returned': { nb: 'Sendt tilbake til søkeren', nn: 'Send tilbake til søkjaren', en: 'Returned to the applicant' },
  'state.granted': { nb: 'Innvilget', nn: 'Innvilga', en: 'Granted' },
  'state.partly_granted': { nb: 'Delvis innvilget', nn: 'Delvis innvilga', en: 'Partly granted' },
  'state.rejected': { nb: 'Avslått', nn: 'Avslått', en: 'Rejected' },
  'state.accepted': { nb: 'Akseptert', nn: 'Akseptert', en: 'Accepted' },
  'state.paid': { nb: 'Utbetalt', nn: 'Utbetalt', en: 'Paid' },
  'state.reported': { nb: 'Rapportert', nn: 'Rapportert', en: 'Reported' },
  'state.approved': { nb: 'Rapport godkjent', nn: 'Rapport godkjend', en: 'Report approved' },
  'state.repayment_claimed': { nb: 'Krav om tilbakebetaling', nn: 'Krav om tilbakebetaling', en: 'Repayment claimed' },
  'state.declined': { nb: 'Takket nei', nn: 'Sagt nei til', en: 'Declined' },
  'state.lapsed': { nb: 'Falt bort', nn: 'Falle bort', en: 'Lapsed' },
  'state.closed': { nb: 'Avsluttet', nn: 'Avslutta', en: 'Closed' },

  // The officer's page.
  'officer.title': { nb: 'Send søknaden tilbake til søkeren', nn: 'Send søknaden tilbake til søkjaren', en: 'Return the application to the applicant' },
  'officer.lead': {
    nb: 'Be om flere opplysninger eller en rettelse. Søkeren får e-post med meldingen og en lenke, og kan bare endre delene du velger. Søknadsfristen gjelder ikke for svaret.',
    nn: 'Be om fleire opplysningar eller ei retting. Søkjaren får e-post med meldinga og ei lenkje, og kan berre endre delane du vel. Søknadsfristen gjeld ikkje for svaret.',
    en: 'Ask for more information or a correction. The applicant gets an email with the message and a link, and can change only the parts you choose. The application deadline does not apply to the answer.',
  },
  'officer.application': { nb: 'Søknad', nn: 'Søknad', en: 'Application' },
  'officer.organisation': { nb: 'Organisasjon', nn: 'Organisasjon', en: 'Organisation' },
  'officer.status': { nb: 'Status', nn: 'Status', en: 'Status' },
  'officer.message': { nb: 'Melding til søkeren', nn: 'Melding til søkjaren', en: 'Message to the applicant' },
  'officer.message.help': {
    nb: 'Skriv hva søkeren skal svare på eller rette, høyst 4 000 tegn. Meldingen sendes som den er.',
    nn: 'Skriv kva søkjaren skal svare på eller rette, høgst 4 000 teikn. Meldinga blir send som ho er.',
    en: 'Write what the applicant is to answer or correct, at most 4,000 characters. The message is sent as it is.',
  },
  'officer.sections': { nb: 'Delene søkeren kan endre', nn: 'Delane søkjaren kan endre', en: 'The parts the applicant may change' },
  'officer.sections.help': { nb: 'Resten av søknaden kan bare leses.', nn: 'Resten av søknaden kan berre lesast.', en: 'The rest of the application can only be read.' },
  'officer.submit': { nb: 'Send tilbake til søkeren', nn: 'Send tilbake til søkjaren', en: 'Return to the applicant' },
  'officer.back': { nb: 'Tilbake til saken', nn: 'Tilbake til saka', en: 'Back to the case' },
  'officer.errors': { nb: 'Rett dette før du sender', nn: 'Rett dette før du sender', en: 'Correct this before you send' },
  'officer.done': {
    nb: 'Søknaden er sendt tilbake. Søkeren har fått e-post med meldingen din.',
    nn: 'Søknaden er send tilbake. Søkjaren har fått e-post med meldinga di.',
    en: 'The application has been returned. The applicant has been emailed your message.',
  },
  'officer.notReturnable': {
    nb: 'Søknaden kan ikke sendes tilbake nå (status: {status}). Bare mottatte søknader og søknader under behandling kan sendes tilbake.',
    nn: 'Søknaden kan ikkje sendast tilbake no (status: {status}). Berre mottekne søknader og søknader under handsaming kan sendast tilbake.',
    en: 'The application cannot be returned now (status: {status}). Only received applications and applications being assessed can be returned.',
  },
  'officer.changedMeanwhile': {
    nb: 'Søknaden ble endret mens du skrev (søkeren trakk den, eller en annen sendte den tilbake). Meldingen din er ikke sendt; den står under. Se saken før du prøver igjen.',
    nn: 'Søknaden vart endra medan du skreiv (søkjaren trekte han, eller ein annan sende han tilbake). Meldinga di er ikkje send; ho står under. Sjå saka før du prøver igjen.',
    en: 'The application was changed while you were writing (the applicant withdrew it, or someone else returned it). Your message has not been sent; it is below. Look at the case before you try again.',
  },
  'officer.unsent': { nb: 'Meldingen din (ikke sendt)', nn: 'Meldinga di (ikkje send)', en: 'Your message (not sent)' },
  'officer.open': {
    nb: 'Sendt tilbake {at}. Venter på svar fra søkeren.',
    nn: 'Send tilbake {at}. Ventar på svar frå søkjaren.',
    en: 'Returned {at}. Waiting for the applicant to answer.',
  },

  // The applicant's side.
  'status.returned': { nb: 'Sendt tilbake for flere opplysninger', nn: 'Send tilbake for fleire opplysningar', en: 'Returned for more information' },
  'request.heading': { nb: 'Kommunen ber om flere opplysninger', nn: 'Kommunen ber om fleire opplysningar', en: 'The municipality asks for more information' },
  'request.sentAt': { nb: 'Sendt {at}.', nn: 'Send {at}.', en: 'Sent {at}.' },
  'request.message': { nb: 'Melding fra kommunen', nn: 'Melding frå kommunen', en: 'Message from the municipality' },
  'request.sections': { nb: 'Du kan endre disse delene av søknaden:', nn: 'Du kan endre desse delane av søknaden:', en: 'You can change these parts of the application:' },
  'request.deadline': {
    nb: 'Søknadsfristen gjelder ikke for svaret ditt. Svar så snart du kan, slik at kommunen kan behandle søknaden.',
    nn: 'Søknadsfristen gjeld ikkje for svaret ditt. Svar så snart du kan, slik at kommunen kan handsame søknaden.',
    en: 'The application deadline does not apply to your answer. Answer as soon as you can, so the municipality can assess the application.',
  },
  'request.review': { nb: 'Se over og send søknaden tilbake', nn: 'Sjå over og send søknaden tilbake', en: 'Review and send the application back' },
  'request.readOnly': {
    nb: 'Kommunen har ikke bedt om endringer i denne delen. Den vises slik du sendte den.',
    nn: 'Kommunen har ikkje bede om endringar i denne delen. Han blir vist slik du sende han.',
    en: 'The municipality has not asked for changes to this part. It is shown as you sent it.',
  },
  'request.history': { nb: 'Tidligere forespørsler fra kommunen', nn: 'Tidlegare førespurnader frå kommunen', en: 'Earlier requests from the municipality' },
  'request.answeredAt': { nb: 'Besvart {at}', nn: 'Svara {at}', en: 'Answered {at}' },
  'resubmit.title': { nb: 'Send søknaden tilbake til kommunen', nn: 'Send søknaden tilbake til kommunen', en: 'Send the application back to the municipality' },
  'resubmit.lead': {
    nb: 'Når du har endret det kommunen ba om, sender du søknaden tilbake. Etter det kan du ikke endre den mer.',
    nn: 'Når du har endra det kommunen bad om, sender du søknaden tilbake. Etter det kan du ikkje endre han meir.',
    en: 'When you have changed what the municipality asked for, send the application back. After that you cannot change it any more.',
  },
  'resubmit.submit': { nb: 'Send søknaden tilbake', nn: 'Send søknaden tilbake', en: 'Send the application back' },
  'resubmit.done': {
    nb: 'Søknaden er sendt tilbake til kommunen. Du har fått en kvittering på e-post.',
    nn: 'Søknaden er send tilbake til kommunen. Du har fått ei kvittering på e-post.',
    en: 'The application has been sent back to the municipality. You have been emailed a receipt.',
  },
  'resubmit.already': {
    nb: 'Søknaden er allerede sendt tilbake til kommunen.',
    nn: 'Søknaden er alt send tilbake til kommunen.',
    en: 'The application has already been sent back to the municipality.',
  },
  'event.returned': { nb: 'Kommunen ba om flere opplysninger', nn: 'Kommunen bad om fleire opplysningar', en: 'The municipality asked for more information' },
  'event.resubmitted': { nb: 'Søknaden ble sendt tilbake til kommunen', nn: 'Søknaden vart send tilbake til kommunen', en: 'The application was sent back to the municipality' },

  // Emails to the applicant.
  'email.returned.subject': {
    nb: 'Kommunen ber om flere opplysninger i søknad {reference}',
    nn: 'Kommunen ber om fleire opplysningar i søknad {reference}',
    en: 'The municipality asks for more information in application {reference}',
  },
  'email.returned.body': {
    nb: 'Hei,\n\n{administrator} har sett på søknaden fra {organisation} til «{call}» (referanse {reference}) og ber om flere opplysninger eller en rettelse:\n\n{message}\n\nDu kan endre disse delene av søknaden: {sections}.\nSøknadsfristen gjelder ikke for svaret ditt.\n\nÅpne søknaden med denne lenken (den virker én gang, i {hours} timer):\n{url}\n\nVirker ikke lenken lenger, kan du be om en ny her: {resumeUrl}\n\nNår du har endret det som trengs, sender du søknaden tilbake fra siden «Se over og send».\n\nHilsen\n{administrator}',
    nn: 'Hei,\n\n{administrator} har sett på søknaden frå {organisation} til «{call}» (referanse {reference}) og ber om fleire opplysningar eller ei retting:\n\n{message}\n\nDu kan endre desse delane av søknaden: {sections}.\nSøknadsfristen gjeld ikkje for svaret ditt.\n\nOpne søknaden med denne lenkja (ho verkar éin gong, i {hours} timar):\n{url}\n\nVerkar ikkje lenkja lenger, kan du be om ei ny her: {resumeUrl}\n\nNår du har endra det som trengst, sender du søknaden tilbake frå sida «Sjå over og send».\n\nHelsing\n{administrator}',
    en: 'Hello,\n\n{administrator} has looked at the application from {organisation} to "{call}" (reference {reference}) and asks for more information or a correction:\n\n{message}\n\nYou can change these parts of the application: {sections}.\nThe application deadline does not apply to your answer.\n\nOpen the application with this link (it works once, for {hours} hours):\n{url}\n\nIf the link no longer works, you can ask for a new one here: {resumeUrl}\n\nWhen you have changed what is needed, send the application back from the page "Review and submit".\n\nRegards\n{administrator}',
  },
  'email.resubmitted.subject': {
    nb: 'Kvittering: søknad {reference} er sendt tilbake til kommunen',
    nn: 'Kvittering: søknad {reference} er send tilbake til kommunen',
    en: 'Receipt: application {reference} sent back to the municipality',
  },
  'email.resubmitted.body': {
    nb: 'Hei,\n\nSøknaden fra {organisation} til «{call}» (referanse {reference}) ble sendt tilbake til {administrator} {at}, med svaret på forespørselen deres. Søknaden er nå under behandling igjen.\n\nSe status for søknaden: {statusUrl}\n\nDelene du kunne endre: {sections}.\n\nHilsen\n{administrator}',
    nn: 'Hei,\n\nSøknaden frå {organisation} til «{call}» (referanse {reference}) vart send tilbake til {administrator} {at}, med svaret på førespurnaden deira. Søknaden er no under handsaming igjen.\n\nSjå status for søknaden: {statusUrl}\n\nDelane du kunne endre: {sections}.\n\nHelsing\n{administrator}',
    en: 'Hello,\n\nThe application from {organisation} to "{call}" (reference {reference}) was sent back to {administrator} {at}, with the answer to their request. The application is being assessed again.\n\nSee the status of the application: {statusUrl}\n\nThe parts you could change: {sections}.\n\nRegards\n{administrator}',
  },
} satisfies Record<string, LocalizedText>;

/** A key of {@link returnText}. */
export type ReturnTextKey = keyof typeof returnText;

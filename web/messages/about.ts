/** Texts of the accessibility statement and the privacy page, in all three languages side by side. */
import type { LocalizedText } from '../../shared/kernel/i18n';

export const aboutText = {
  'a11y.title': { nb: 'Tilgjengelighetserklæring', nn: 'Tilgjengeerklæring', en: 'Accessibility statement' },
  'a11y.standard.heading': { nb: 'Krav', nn: 'Krav', en: 'Requirements' },
  'a11y.standard.text': {
    nb: 'Fordel skal oppfylle kravene til universell utforming av IKT: WCAG 2.1 på nivå A og AA, slik forskriften om universell utforming av IKT-løsninger krever for offentlige virksomheter.',
    nn: 'Fordel skal oppfylle krava til universell utforming av IKT: WCAG 2.1 på nivå A og AA, slik forskrifta om universell utforming av IKT-løysingar krev for offentlege verksemder.',
    en: 'Fordel aims to meet the Norwegian requirements for universal design of ICT: WCAG 2.1 at levels A and AA, as the regulation on universal design of ICT solutions requires of public bodies.',
  },
  'a11y.status.heading': { nb: 'Status', nn: 'Status', en: 'Status' },
  'a11y.status.text': {
    nb: 'Alle sidene testes automatisk med axe i en ekte nettleser for hver endring, og skjemaet testes med bare tastatur. Sidene virker uten JavaScript. Vi kjenner ikke til brudd på kravene nå.\n\nAutomatiske tester finner ikke alt. Vedlegg som organisasjonene laster opp, er ikke nødvendigvis tilgjengelige.',
    nn: 'Alle sidene blir testa automatisk med axe i ein ekte nettlesar for kvar endring, og skjemaet blir testa med berre tastatur. Sidene verkar utan JavaScript. Vi kjenner ikkje til brot på krava no.\n\nAutomatiske testar finn ikkje alt. Vedlegg som organisasjonane lastar opp, er ikkje nødvendigvis tilgjengelege.',
    en: 'Every page is tested automatically with axe in a real browser on every change, and the form is tested using only the keyboard. The pages work without JavaScript. We know of no breaches of the requirements at present.\n\nAutomated tests do not find everything. Attachments uploaded by organisations are not necessarily accessible.',
  },
  'a11y.how.heading': { nb: 'Slik er tjenesten laget', nn: 'Slik er tenesta laga', en: 'How the service is built' },
  'a11y.how.text': {
    nb: 'Sidene bruker Designsystemet, det felles designsystemet for offentlige tjenester. Tekstene finnes på bokmål, nynorsk og engelsk, og skjemaet lagrer underveis, så du kan ta pauser.',
    nn: 'Sidene brukar Designsystemet, det felles designsystemet for offentlege tenester. Tekstane finst på bokmål, nynorsk og engelsk, og skjemaet lagrar undervegs, så du kan ta pausar.',
    en: 'The pages use Designsystemet, the shared design system of Norwegian public services. The texts exist in bokmål, nynorsk and English, and the form saves as you go, so you can take breaks.',
  },
  'a11y.feedback.heading': { nb: 'Gi tilbakemelding', nn: 'Gi tilbakemelding', en: 'Give feedback' },
  'a11y.feedback.text': {
    nb: 'Møter du en barriere, kontakt kommunen eller IMDi som har utlysningen. Du kan også klage til Tilsynet for universell utforming av ikt (uutilsynet.no).',
    nn: 'Møter du ein barriere, kontakt kommunen eller IMDi som har utlysinga. Du kan òg klage til Tilsynet for universell utforming av ikt (uutilsynet.no).',
    en: 'If you meet a barrier, contact the municipality or IMDi that runs the call. You can also complain to the Authority for Universal Design of ICT (uutilsynet.no).',
  },
  'privacy.title': { nb: 'Personvern', nn: 'Personvern', en: 'Privacy' },
  'privacy.who.heading': { nb: 'Hvem er ansvarlig', nn: 'Kven er ansvarleg', en: 'Who is responsible' },
  'privacy.who.text': {
    nb: 'Kommunen som lyser ut tilskuddet (eller IMDi for den nasjonale utlysningen) er behandlingsansvarlig for opplysningene i søknaden.',
    nn: 'Kommunen som lyser ut tilskotet (eller IMDi for den nasjonale utlysinga) er behandlingsansvarleg for opplysningane i søknaden.',
    en: 'The municipality that runs the call (or IMDi for the national call) is the controller of the data in the application.',
  },
  'privacy.what.heading': { nb: 'Hva vi lagrer', nn: 'Kva vi lagrar', en: 'What we store' },
  'privacy.what.text': {
    nb: 'Om organisasjonen: organisasjonsnummer, navn og adresse fra Enhetsregisteret, prosjektet, budsjettet og vedleggene.\n\nOm personer: bare navn, e-post og telefon til kontaktpersonen, og organisasjonens kontonummer. Deltakere telles bare; vi lagrer aldri opplysninger om enkeltpersoners bakgrunn, religion eller helse.',
    nn: 'Om organisasjonen: organisasjonsnummer, namn og adresse frå Einingsregisteret, prosjektet, budsjettet og vedlegga.\n\nOm personar: berre namn, e-post og telefon til kontaktpersonen, og kontonummeret til organisasjonen. Deltakarar blir berre talde; vi lagrar aldri opplysningar om bakgrunnen, religionen eller helsa til enkeltpersonar.',
    en: "About the organisation: organisation number, name and address from the Central Coordinating Register, the project, the budget and the attachments.\n\nAbout people: only the contact person's name, email and phone, and the organisation's account number. Participants are only counted; we never store anything about an individual's background, religion or health.",
  },
  'privacy.why.heading': { nb: 'Hvorfor', nn: 'Kvifor', en: 'Why' },
  'privacy.why.text': {
    nb: 'For å behandle søknaden, fatte vedtak, betale ut og følge opp tilskuddet, som forskriften om tilskuddsordningen og økonomiregelverket i staten krever (GDPR artikkel 6 nr. 1 bokstav e).',
    nn: 'For å handsame søknaden, gjere vedtak, betale ut og følgje opp tilskotet, som forskrifta om tilskotsordninga og økonomiregelverket i staten krev (GDPR artikkel 6 nr. 1 bokstav e).',
    en: 'To assess the application, decide, pay and follow up the grant, as the regulation of the grant scheme and the state financial regulations require (GDPR article 6(1)(e)).',
  },
  'privacy.howLong.heading': { nb: 'Hvor lenge', nn: 'Kor lenge', en: 'How long' },
  'privacy.howLong.text': {
    nb: 'Opplysningene lagres så lenge saken pågår, og deretter så lenge arkivloven og økonomiregelverket i staten krever. Kontaktopplysningene og kontonummeret ligger adskilt fra resten av søknaden, slik at de kan slettes uten at statistikken går tapt.\n\nE-postadressen i utsendte e-poster slettes fra utboksen så snart e-posten er sendt. Lenker i e-post virker i 72 timer og bare én gang.',
    nn: 'Opplysningane blir lagra så lenge saka pågår, og deretter så lenge arkivlova og økonomiregelverket i staten krev. Kontaktopplysningane og kontonummeret ligg åtskilde frå resten av søknaden, slik at dei kan slettast utan at statistikken går tapt.\n\nE-postadressa i utsende e-postar blir sletta frå utboksen så snart e-posten er send. Lenkjer i e-post verkar i 72 timar og berre éin gong.',
    en: 'The data is kept while the case is open, and after that for as long as the Archives Act and the state financial regulations require. Contact details and the account number are kept apart from the rest of the application, so they can be erased without losing the statistics.\n\nThe address of a sent email is removed from the outbox as soon as it is sent. Links in emails work for 72 hours and only once.',
  },
  'privacy.rights.heading': { nb: 'Dine rettigheter', nn: 'Rettane dine', en: 'Your rights' },
  'privacy.rights.text': {
    nb: 'Du kan be om innsyn, retting og sletting hos kommunen eller IMDi, og klage til Datatilsynet. Du har rett til innsyn i saksdokumentene etter forvaltningsloven § 18.',
    nn: 'Du kan be om innsyn, retting og sletting hos kommunen eller IMDi, og klage til Datatilsynet. Du har rett til innsyn i saksdokumenta etter forvaltningslova § 18.',
    en: 'You can ask the municipality or IMDi for access, correction and erasure, and complain to the Norwegian Data Protection Authority (Datatilsynet). You have the right to see the case documents under the Public Administration Act § 18.',
  },
} satisfies Record<string, LocalizedText>;

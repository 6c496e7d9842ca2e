/**
 * Every audience's OpenAPI document, as the API reference page lists them: where it is served, who
 * it is for and how a program authenticates. Each app serves its own document at the path given
 * here; tests/integration/api-reference.test.ts checks that every app's document is listed, served
 * and has a summary on every operation.
 */
import type { LocalizedText } from '../../shared/kernel/i18n';

/** One audience's API document. */
export interface ApiDocumentEntry {
  readonly audience: 'applicant' | 'officer' | 'national';
  readonly path: string;
  readonly title: LocalizedText;
  readonly audienceText: LocalizedText;
  readonly authentication: LocalizedText;
}

export const apiDocuments: readonly ApiDocumentEntry[] = [
  {
    audience: 'applicant',
    path: '/api/openapi.json',
    title: { nb: 'Åpent API for utlysninger', nn: 'Ope API for utlysingar', en: 'Open API for calls' },
    audienceText: {
      nb: 'For alle: søkere, frivillige organisasjoner og andre som vil vise åpne utlysninger.',
      nn: 'For alle: søkjarar, frivillige organisasjonar og andre som vil vise opne utlysingar.',
      en: 'For everyone: applicants, voluntary organisations and others who want to show open calls.',
    },
    authentication: {
      nb: 'Ingen innlogging for utlysningene. Å ta imot eller takke nei til et tilskudd, og å klage på vedtaket, krever søknadens økt fra lenken på e-post (informasjonskapsel).',
      nn: 'Inga innlogging for utlysingane. Å ta imot eller seie nei til eit tilskot, og å klage på vedtaket, krev økta til søknaden frå lenkja på e-post (informasjonskapsel).',
      en: 'No sign-in for the calls. Accepting or declining a grant, and appealing the decision, need the application’s session from the emailed link (a cookie).',
    },
  },
  {
    audience: 'officer',
    path: '/officer/api/openapi.json',
    title: { nb: 'API for kommunene', nn: 'API for kommunane', en: 'API for the municipalities' },
    audienceText: {
      nb: 'For saksbehandlere i en forvaltende kommune og kommunens egne systemer (saksbehandling, regnskap): utlysninger, søknader, klager, sluttrapporter, utbetalinger og kommunens budsjett.',
      nn: 'For sakshandsamarar i ein forvaltande kommune og kommunen sine eigne system (sakshandsaming, rekneskap): utlysingar, søknader, klager, sluttrapportar, utbetalingar og budsjettet til kommunen.',
      en: 'For case officers of a managing municipality and the municipality’s own systems (case management, accounting): calls, applications, appeals, final reports, payments and the municipality’s budget.',
    },
    authentication: {
      nb: 'Bearer-token: ID-tokenet fra kommunens OIDC-innlogging med rollen officer (municipal-admin for administrasjonsreservasjonen). Kommunen hentes fra tokenet.',
      nn: 'Bearer-token: ID-tokenet frå OIDC-innlogginga til kommunen med rolla officer (municipal-admin for administrasjonsreservasjonen). Kommunen blir henta frå tokenet.',
      en: 'Bearer token: the ID token from the municipality’s OIDC sign-in with the officer role (municipal-admin for the admin reservation). The municipality comes from the token.',
    },
  },
  {
    audience: 'national',
    path: '/national/api/openapi.json',
    title: { nb: 'API for IMDi', nn: 'API for IMDi', en: 'API for IMDi' },
    audienceText: {
      nb: 'For IMDi: registeret over forvaltere, årets fordeling, budsjettene, årsavslutningen og endringsloggen.',
      nn: 'For IMDi: registeret over forvaltarar, fordelinga for året, budsjetta, årsavslutninga og endringsloggen.',
      en: 'For IMDi: the register of administrators, the year’s allocation, the budgets, the year close and the audit trail.',
    },
    authentication: {
      nb: 'Bearer-token: ID-tokenet fra OIDC-innloggingen med rollen national-admin.',
      nn: 'Bearer-token: ID-tokenet frå OIDC-innlogginga med rolla national-admin.',
      en: 'Bearer token: the ID token from the OIDC sign-in with the national-admin role.',
    },
  },
];

/** The section's own texts. */
export const apiDocumentsText = {
  heading: { nb: 'API-beskrivelser', nn: 'API-skildringar', en: 'API descriptions' },
  lead: {
    nb: 'Hver brukergruppe har sitt eget API, beskrevet i et OpenAPI-dokument. Feil svares som application/problem+json.',
    nn: 'Kvar brukargruppe har sitt eige API, skildra i eit OpenAPI-dokument. Feil blir svarte som application/problem+json.',
    en: 'Each audience has its own API, described in an OpenAPI document. Errors are answered as application/problem+json.',
  },
  for: { nb: 'Hvem', nn: 'Kven', en: 'For' },
  authentication: { nb: 'Innlogging', nn: 'Innlogging', en: 'Authentication' },
  document: { nb: 'Dokument', nn: 'Dokument', en: 'Document' },
  operations: { nb: 'Operasjonene i det åpne API-et', nn: 'Operasjonane i det opne API-et', en: 'Operations of the open API' },
} satisfies Record<string, LocalizedText>;

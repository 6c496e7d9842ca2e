/**
 * Texts of IMDi's national dashboard: the year's figures per municipality, the charts, the years
 * side by side and one municipality's figures. Bokmål, nynorsk and English side by side.
 */
import type { LocalizedText } from '../../shared/kernel/i18n';
import type { DashboardFigures } from '../../shared/national/dashboard';

export const dashboardText = {
  'title': { nb: 'Nasjonale tall for {year}', nn: 'Nasjonale tal for {year}', en: 'National figures for {year}' },
  'lead': {
    nb: 'Tallene er hentet direkte fra kommunenes saksbehandling og budsjetter og er oppdatert nå. De viser summer, aldri enkeltpersoner.',
    nn: 'Tala er henta direkte frå saksbehandlinga og budsjetta til kommunane og er oppdaterte no. Dei viser summar, aldri enkeltpersonar.',
    en: 'The figures come straight from the municipalities’ casework and budgets and are up to date now. They show totals, never individuals.',
  },
  'year.label': { nb: 'Tilskuddsår', nn: 'Tilskotsår', en: 'Grant year' },
  'year.show': { nb: 'Vis året', nn: 'Vis året', en: 'Show the year' },
  'summary': {
    nb: '{count} kommuner forvalter ordningen i {year}. De har fått en ramme på til sammen {frame}, har mottatt {applications} søknader om {applied} og tildelt {awarded} til {grants} tiltak. Utbetalt: {paid}.',
    nn: '{count} kommunar forvaltar ordninga i {year}. Dei har fått ei ramme på til saman {frame}, har fått {applications} søknader om {applied} og tildelt {awarded} til {grants} tiltak. Utbetalt: {paid}.',
    en: '{count} municipalities manage the scheme in {year}. Their frames total {frame}; they have received {applications} applications for {applied} and awarded {awarded} to {grants} measures. Paid: {paid}.',
  },
  'chart.municipalities.title': { nb: 'Ramme og tildelt per kommune, {year}', nn: 'Ramme og tildelt per kommune, {year}', en: 'Frame and awarded by municipality, {year}' },
  'chart.municipalities.summary': {
    nb: 'Stolpediagram. Størst ramme: {largest} ({largestFrame}). Tildelt i alt: {awarded} av {frame}. Tallene står i tabellen under.',
    nn: 'Stolpediagram. Størst ramme: {largest} ({largestFrame}). Tildelt i alt: {awarded} av {frame}. Tala står i tabellen under.',
    en: 'Bar chart. Largest frame: {largest} ({largestFrame}). Awarded in all: {awarded} of {frame}. The figures are in the table below.',
  },
  'chart.years.title': { nb: 'Tildelt og utbetalt per år', nn: 'Tildelt og utbetalt per år', en: 'Awarded and paid by year' },
  'chart.years.summary': {
    nb: 'Linjediagram over årene {first}–{last}. Tildelt {firstAwarded} i {first} og {lastAwarded} i {last}. Tallene står i tabellen under.',
    nn: 'Linjediagram over åra {first}–{last}. Tildelt {firstAwarded} i {first} og {lastAwarded} i {last}. Tala står i tabellen under.',
    en: 'Line chart over the years {first}–{last}. Awarded {firstAwarded} in {first} and {lastAwarded} in {last}. The figures are in the table below.',
  },
  'series.frame': { nb: 'Ramme', nn: 'Ramme', en: 'Frame' },
  'series.awarded': { nb: 'Tildelt', nn: 'Tildelt', en: 'Awarded' },
  'series.paid': { nb: 'Utbetalt', nn: 'Utbetalt', en: 'Paid' },
  'table.municipalities': { nb: 'Kommunene i {year}', nn: 'Kommunane i {year}', en: 'The municipalities in {year}' },
  'table.years': { nb: 'År for år', nn: 'År for år', en: 'Year by year' },
  'column.municipality': { nb: 'Kommune', nn: 'Kommune', en: 'Municipality' },
  'column.year': { nb: 'År', nn: 'År', en: 'Year' },
  'total': { nb: 'Hele landet', nn: 'Heile landet', en: 'The whole country' },
  'export.csv': { nb: 'Last ned tabellen som CSV', nn: 'Last ned tabellen som CSV', en: 'Download the table as CSV' },
  'drill.link': { nb: 'Tallene for {name}', nn: 'Tala for {name}', en: 'The figures for {name}' },
  'drill.title': { nb: '{name} – tall for {year}', nn: '{name} – tal for {year}', en: '{name} – figures for {year}' },
  'drill.back': { nb: 'Tilbake til nasjonale tall for {year}', nn: 'Tilbake til nasjonale tal for {year}', en: 'Back to the national figures for {year}' },
  'drill.yearReport': { nb: 'Les kommunens årsrapport for {year}', nn: 'Les årsrapporten til kommunen for {year}', en: 'Read the municipality’s year report for {year}' },
  'drill.noYearReport': { nb: 'Kommunen har ikke sendt årsrapporten for {year} ennå.', nn: 'Kommunen har ikkje sendt årsrapporten for {year} enno.', en: 'The municipality has not sent its year report for {year} yet.' },
  'drill.figure': { nb: 'Tall', nn: 'Tal', en: 'Figure' },
  'drill.value': { nb: 'Verdi', nn: 'Verdi', en: 'Value' },
  'none': { nb: 'Ingen kommuner forvalter ordningen i {year}.', nn: 'Ingen kommunar forvaltar ordninga i {year}.', en: 'No municipality manages the scheme in {year}.' },
} satisfies Record<string, LocalizedText>;

/** The column header of each figure, in tables, the drill-down and the CSV. */
export const figureText: Record<keyof DashboardFigures, LocalizedText> = {
  frame: { nb: 'Ramme (kr)', nn: 'Ramme (kr)', en: 'Frame (NOK)' },
  adminCap: { nb: 'Tak for administrasjon (kr)', nn: 'Tak for administrasjon (kr)', en: 'Administration cap (NOK)' },
  adminReserved: { nb: 'Brukt til administrasjon (kr)', nn: 'Brukt til administrasjon (kr)', en: 'Used for administration (NOK)' },
  applications: { nb: 'Søknader', nn: 'Søknader', en: 'Applications' },
  amountApplied: { nb: 'Søkt (kr)', nn: 'Søkt (kr)', en: 'Applied for (NOK)' },
  grants: { nb: 'Tiltak med tilskudd', nn: 'Tiltak med tilskot', en: 'Measures granted' },
  amountAwarded: { nb: 'Tildelt (kr)', nn: 'Tildelt (kr)', en: 'Awarded (NOK)' },
  amountPaid: { nb: 'Utbetalt (kr)', nn: 'Utbetalt (kr)', en: 'Paid (NOK)' },
  returned: { nb: 'Kommet tilbake (kr)', nn: 'Kome tilbake (kr)', en: 'Returned (NOK)' },
  carriedOver: { nb: 'Overført fra året før (kr)', nn: 'Overført frå året før (kr)', en: 'Carried over from the year before (NOK)' },
  reportsApproved: { nb: 'Godkjente sluttrapporter', nn: 'Godkjende sluttrapportar', en: 'Final reports approved' },
  participantsReached: { nb: 'Deltakere nådd', nn: 'Deltakarar nådde', en: 'Participants reached' },
  firstTimeParticipants: { nb: 'Nye deltakere', nn: 'Nye deltakarar', en: 'First-time participants' },
};

export type DashboardTextKey = keyof typeof dashboardText;

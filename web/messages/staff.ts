/** Texts of the municipality's staff page (who works in the workspace with which roles), in all three languages. */
import type { LocalizedText } from '../../shared/kernel/i18n';

export const staffText = {
  'staff.title': { nb: 'Ansatte og roller', nn: 'Tilsette og roller', en: 'Staff and roles' },
  'staff.lead': {
    nb: 'Her er alle som har logget inn i arbeidsflaten til kommunen, med rollene de hadde sist de logget inn. Saksbehandlere og vurderere velges fra denne lista.',
    nn: 'Her er alle som har logga inn i arbeidsflata til kommunen, med rollene dei hadde sist dei logga inn. Sakshandsamarar og vurderarar vert valde frå denne lista.',
    en: 'Everyone who has signed in to the municipality’s workspace, with the roles they had at their latest sign-in. Caseworkers and assessors are picked from this list.',
  },
  'staff.whereRoles': {
    nb: 'Roller gis i kommunens innloggingstjeneste (grupper), ikke i Fordel. Endrer dere en gruppe der, gjelder den nye rollen fra personens neste innlogging. Den som slutter, mister tilgangen når de fjernes fra gruppene.',
    nn: 'Roller vert gjevne i innloggingstenesta til kommunen (grupper), ikkje i Fordel. Endrar de ei gruppe der, gjeld den nye rolla frå neste innlogging til personen. Den som sluttar, mistar tilgangen når dei vert fjerna frå gruppene.',
    en: 'Roles are given in the municipality’s sign-in service (groups), not in Fordel. A change of group there applies from the person’s next sign-in. Someone who leaves loses access when they are taken out of the groups.',
  },
  'staff.caption': { nb: 'Ansatte og roller i {tenant}', nn: 'Tilsette og roller i {tenant}', en: 'Staff and roles in {tenant}' },
  'staff.name': { nb: 'Navn', nn: 'Namn', en: 'Name' },
  'staff.roles': { nb: 'Roller', nn: 'Roller', en: 'Roles' },
  'staff.lastSeen': { nb: 'Sist innlogget', nn: 'Sist innlogga', en: 'Last signed in' },
  'staff.action': { nb: 'Handling', nn: 'Handling', en: 'Action' },
  'staff.remove': { nb: 'Fjern {name} fra lista', nn: 'Fjern {name} frå lista', en: 'Remove {name} from the list' },
  'staff.removeHint': {
    nb: 'Fjern den som har sluttet, så navnet ikke lenger kan velges. Saker og logg beholder det de har.',
    nn: 'Fjern den som har slutta, så namnet ikkje lenger kan veljast. Saker og logg held på det dei har.',
    en: 'Remove someone who has left, so their name can no longer be picked. Cases and the log keep what they hold.',
  },
  'staff.you': { nb: '(deg)', nn: '(deg)', en: '(you)' },
  'staff.none': { nb: 'Ingen har logget inn ennå.', nn: 'Ingen har logga inn enno.', en: 'Nobody has signed in yet.' },
  'staff.removed': { nb: 'Personen er fjernet fra lista.', nn: 'Personen er fjerna frå lista.', en: 'The person has been removed from the list.' },
  'staff.notFound': {
    nb: 'Personen er ikke i lista lenger. Kanskje noen andre fjernet dem nettopp.',
    nn: 'Personen er ikkje i lista lenger. Kanskje nokon andre fjerna dei nett no.',
    en: 'The person is no longer in the list. Someone else may just have removed them.',
  },
  'staff.notYourself': {
    nb: 'Du kan ikke fjerne deg selv: du kommer med igjen neste gang du logger inn.',
    nn: 'Du kan ikkje fjerne deg sjølv: du kjem med att neste gong du loggar inn.',
    en: 'You cannot remove yourself: you would be back at your next sign-in.',
  },
  'role.officer': { nb: 'Saksbehandler', nn: 'Sakshandsamar', en: 'Caseworker' },
  'role.approver': { nb: 'Vedtaksansvarlig', nn: 'Vedtaksansvarleg', en: 'Approver' },
  'role.municipal-admin': { nb: 'Kommuneadministrator', nn: 'Kommuneadministrator', en: 'Municipal admin' },
  'role.assessor': { nb: 'Ekstern vurderer', nn: 'Ekstern vurderar', en: 'External assessor' },
  'role.national-admin': { nb: 'IMDi', nn: 'IMDi', en: 'IMDi' },
  'workspace.administration': { nb: 'Administrasjon', nn: 'Administrasjon', en: 'Administration' },
  'workspace.standardTexts': { nb: 'Standardtekster for begrunnelser', nn: 'Standardtekstar for grunngjevingar', en: 'Standard texts for reasons' },
} satisfies Record<string, LocalizedText>;

/** A key of {@link staffText}. */
export type StaffTextKey = keyof typeof staffText;

import { readFileSync } from 'node:fs';
import type { Call } from '../../shared/rounds/call';
import { osloLocalToUtc } from '../../shared/kernel/deadlines';
import { kroner } from '../../shared/kernel/money';
import type { CallRepository } from '../../shared/rounds/ports';
import { createRound } from '../../shared/rounds/use-cases/create-round';
import type { RuleSetRepository } from '../../shared/rules/ports';
import { UnknownGrantYearError } from '../../shared/rules/rule-set-for';
import { ruleSetsFrom } from '../../shared/rules/rule-sets';
import type { TenantRepository } from '../../shared/national/ports';
import { NATIONAL_TENANT_ID, municipalTenantId, type Tenant } from '../../shared/kernel/tenants';

/** One managing municipality as listed in `data/managing-municipalities.csv`. */
export interface ManagingMunicipality {
  kommunenummer: string;
  name: string;
}

/**
 * Reads the list of managing municipalities. The file is ours and has three plain columns
 * (kommunenummer, name, evidence) without quoting, so each line splits on its commas.
 */
export function readManagingMunicipalities(path = 'data/managing-municipalities.csv'): ManagingMunicipality[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  if (header !== 'kommunenummer,name,evidence') throw new Error(`Unexpected header in ${path}: ${header}`);
  return lines.map((line, index) => {
    const [kommunenummer, name] = line.split(',');
    if (!kommunenummer || !/^\d{4}$/.test(kommunenummer) || !name) {
      throw new Error(`Line ${index + 2} of ${path} is not "kommunenummer,name,evidence": ${line}`);
    }
    return { kommunenummer, name };
  });
}

/**
 * The municipality's role address, `postmottak@<name>.kommune.no`, as municipalities publish them
 * (never a person's). Letters sent to it locally land in the SES stand-in's inbox, not the real one.
 */
export function municipalRoleAddress(name: string): string {
  const domain = name
    .toLowerCase()
    .replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a')
    .normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `postmottak@${domain}.kommune.no`;
}

/** Deadlines municipalities have used (local practice), at 12:00 Oslo time. */
const deadlineDays: readonly [month: number, day: number][] = [
  [2, 15],
  [3, 1],
  [4, 15],
];

const criteria = [
  {
    nb: 'Aktiviteten passer med målet for ordningen og når målgruppen.',
    nn: 'Aktiviteten passar med målet for ordninga og når målgruppa.',
    en: 'The activity fits the aim of the scheme and reaches the target group.',
  },
  {
    nb: 'Planen og budsjettet er realistiske.',
    nn: 'Planen og budsjettet er realistiske.',
    en: 'The plan and the budget are realistic.',
  },
  {
    nb: 'Frivillig innsats er en viktig del av aktiviteten.',
    nn: 'Frivillig innsats er ein viktig del av aktiviteten.',
    en: 'Volunteer effort is an important part of the activity.',
  },
  {
    nb: 'Organisasjonen har levert rapport for tilskudd den fikk i fjor.',
    nn: 'Organisasjonen har levert rapport for tilskot han fekk i fjor.',
    en: 'The organisation has reported on any grant it received last year.',
  },
];

function osloNoon(year: number, month: number, day: number): string {
  return osloLocalToUtc(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T12:00:00`);
}

/** The demo call of one administrator for a grant year. */
export function demoCall(
  administrator: { tenantId: Tenant['tenantId']; name: string; kommunenummer?: string },
  grantYear: number,
  position: number,
  opensAt: string,
): Call {
  const [month, day] = deadlineDays[position % deadlineDays.length]!;
  const national = administrator.kommunenummer === undefined;
  const where = national ? 'hele landet' : administrator.name;
  return {
    tenantId: administrator.tenantId,
    roundId: `${grantYear}-1`,
    administratorName: national ? 'IMDi' : `${administrator.name} kommune`,
    kommunenummer: administrator.kommunenummer,
    grantYear,
    title: national
      ? {
          nb: `Nasjonal utlysning ${grantYear}: tilskudd til integreringsarbeid`,
          nn: `Nasjonal utlysing ${grantYear}: tilskot til integreringsarbeid`,
          en: `National call ${grantYear}: grants for integration work`,
        }
      : {
          nb: `Tilskudd til integreringsarbeid i ${where} ${grantYear}`,
          nn: `Tilskot til integreringsarbeid i ${where} ${grantYear}`,
          en: `Grants for integration work in ${where} ${grantYear}`,
        },
    summary: national
      ? {
          nb: 'For landsdekkende prosjekter, nye metoder som kan deles, og driftstilskudd til regionale innvandrerorganisasjoner.',
          nn: 'For landsdekkjande prosjekt, nye metodar som kan delast, og driftstilskot til regionale innvandrarorganisasjonar.',
          en: 'For nationwide projects, new methods that can be shared, and operating grants to regional immigrant organisations.',
        }
      : {
          nb: `For frivillige organisasjoner med adresse i ${where} som skaper møteplasser, deltakelse og fellesskap.`,
          nn: `For frivillige organisasjonar med adresse i ${where} som skaper møteplassar, deltaking og fellesskap.`,
          en: `For voluntary organisations registered in ${where} that create meeting places, participation and community.`,
        },
    criteria,
    subGoals: ['A', 'B', 'C', 'D'],
    opensAt,
    deadline: osloNoon(grantYear, month, day),
    reportingDeadline: osloNoon(grantYear + 1, 3, 1),
    minAmount: kroner(10_000),
    maxAmount: kroner(national ? 1_000_000 : 200_000),
    status: 'open',
    // Three weighted criteria, so assessment, ranking and recommendation have something to score.
    assessment: {
      scale: { min: 1, max: 6 },
      assessorsPerApplication: 1,
      criteria: criteria.slice(0, 3).map((label, i) => ({ id: `k${i + 1}`, label, weight: [3, 2, 1][i]! })),
    },
    appealBodyName: national
      ? { nb: 'Kunnskapsdepartementet', nn: 'Kunnskapsdepartementet', en: 'The Ministry of Education and Research' }
      : { nb: `Klagenemnda i ${where}`, nn: `Klagenemnda i ${where}`, en: `The appeals committee of ${where}` },
    preliminaryReplyWithinDays: 30,
    extraQuestions: [
      {
        id: 'reach',
        label: {
          nb: 'Hvordan vil dere nå dem som har minst kontakt med nærmiljøet i dag?',
          nn: 'Korleis vil de nå dei som har minst kontakt med nærmiljøet i dag?',
          en: 'How will you reach the people who have the least contact with the local community today?',
        },
        required: true,
        maxLength: 1500,
      },
    ],
  };
}

/**
 * Creates a demo round as an administrator would, under the year's current rules, which it locks.
 * A year without rules (the code defaults end in 2027) gets its round without a rule-set version.
 */
async function createDemoRound(repositories: { calls: CallRepository; ruleSets: RuleSetRepository }, call: Call): Promise<void> {
  try {
    await createRound({ calls: repositories.calls, ruleSets: ruleSetsFrom(repositories.ruleSets) }, call);
  } catch (error) {
    if (!(error instanceof UnknownGrantYearError)) throw error;
    await repositories.calls.create(call);
  }
}

/**
 * Adds the tenant register (IMDi and the managing municipalities) and one open call each, but
 * only into an empty register, so a restart never duplicates or overwrites what users changed.
 * The grant year is the coming one once autumn calls are due (from September), else this one.
 * Every tenant manages the scheme from this year on (an open period in the register); the demo
 * publishes the allocations of this year and the next (`managingYears` of the answer).
 */
export async function seedDemoData(
  repositories: { tenants: TenantRepository; calls: CallRepository; ruleSets: RuleSetRepository },
  options: { now: Date; municipalities?: ManagingMunicipality[] },
): Promise<{ tenants: number; calls: number; managingYears: number[] } | undefined> {
  if ((await repositories.tenants.list()).length > 0) return undefined;
  const thisYear = Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Oslo', year: 'numeric' }).format(options.now));
  const month = Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Oslo', month: 'numeric' }).format(options.now));
  const grantYear = month >= 9 ? thisYear + 1 : thisYear;
  const opensAt = options.now.toISOString();
  const managingYears = [thisYear, thisYear + 1];

  const municipalities = options.municipalities ?? readManagingMunicipalities();
  const tenants: Tenant[] = [
    { tenantId: NATIONAL_TENANT_ID, kind: 'national', name: 'IMDi', managingYears: [], managingPeriods: [{ from: thisYear }], contactEmail: 'postmottak@imdi.no' },
    ...municipalities.map((municipality) => ({
      tenantId: municipalTenantId(municipality.kommunenummer),
      kind: 'municipality' as const,
      name: municipality.name,
      kommunenummer: municipality.kommunenummer,
      kommunenummerValidFrom: 2024,
      managingYears: [],
      managingPeriods: [{ from: thisYear }],
      contactEmail: municipalRoleAddress(municipality.name),
    })),
  ];
  for (const [position, tenant] of tenants.entries()) {
    await repositories.tenants.put(tenant);
    await createDemoRound(repositories, demoCall(tenant, grantYear, position, opensAt));
  }
  // One draft round, for the first municipality's admin to edit, preview and publish.
  const first = tenants.find((tenant) => tenant.kind === 'municipality');
  const draft = first && demoCall(first, grantYear, 1, opensAt);
  if (draft && Date.parse(opensAt) < Date.parse(draft.deadline)) {
    const open = draft;
    const weekLater = new Date(Date.parse(open.deadline) - 7 * 24 * 3_600_000).toISOString();
    await createDemoRound(repositories, {
      ...open,
      roundId: `${grantYear}-2`,
      status: 'draft',
      opensAt: Date.parse(weekLater) > Date.parse(opensAt) ? weekLater : opensAt,
      title: { nb: `Ekstra utlysning ${grantYear}: sommeraktiviteter`, nn: `Ekstra utlysing ${grantYear}: sommaraktivitetar`, en: `Extra call ${grantYear}: summer activities` },
    });
  }
  return { tenants: tenants.length, calls: tenants.length, managingYears };
}

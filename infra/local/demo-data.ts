import { readFileSync } from 'node:fs';
import type { Call } from '../../shared/rounds/call';
import { osloLocalToUtc } from '../../shared/kernel/deadlines';
import { kroner } from '../../shared/kernel/money';
import type { CallRepository } from '../../shared/rounds/ports';
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
 * Adds the tenant register (IMDi and the managing municipalities) and one open call each, but
 * only into an empty register, so a restart never duplicates or overwrites what users changed.
 * The grant year is the coming one once autumn calls are due (from September), else this one.
 * Every tenant manages the scheme from this year on (an open period in the register); the demo
 * publishes the allocations of this year and the next (`managingYears` of the answer).
 */
export async function seedDemoData(
  repositories: { tenants: TenantRepository; calls: CallRepository },
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
    { tenantId: NATIONAL_TENANT_ID, kind: 'national', name: 'IMDi', managingYears: [], managingPeriods: [{ from: thisYear }] },
    ...municipalities.map((municipality) => ({
      tenantId: municipalTenantId(municipality.kommunenummer),
      kind: 'municipality' as const,
      name: municipality.name,
      kommunenummer: municipality.kommunenummer,
      kommunenummerValidFrom: 2024,
      managingYears: [],
      managingPeriods: [{ from: thisYear }],
    })),
  ];
  for (const [position, tenant] of tenants.entries()) {
    await repositories.tenants.put(tenant);
    await repositories.calls.create(demoCall(tenant, grantYear, position, opensAt));
  }
  return { tenants: tenants.length, calls: tenants.length, managingYears };
}

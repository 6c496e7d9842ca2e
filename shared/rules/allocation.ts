/**
 * How the national frame becomes money for each administrator: IMDi keeps its share for the national
 * call, and the municipal pool is divided among the managing municipalities by key (residents with an
 * immigrant background, SSB table 09817). Every result explains itself line by line, because
 * municipalities are entitled to see how their frame was computed.
 *
 * Rounding: the municipal pool is `frame × municipalShare` rounded by the rule set's `splitRounding`,
 * and IMDi gets the rest, so the two always add up to the frame. Frames are divided by the
 * largest-remainder (Hamilton) method so they add up to the pool to the krone: everyone gets the
 * whole-krone part of their exact quota, and the kroner left over go one each to the largest
 * remainders. Ties are broken by the larger key, then by kommunenummer ascending, so the result
 * never depends on input order.
 */
import { DomainError } from '../kernel/errors.js';
import { compare, fraction, fractionToDecimalString, fractionToString, multiply, roundFraction, type Fraction } from '../kernel/fraction.js';
import { kommunenummerSchema } from '../kernel/kommunenummer.js';
import { formatKroner, kroner, sum, toFraction, type Kroner } from '../kernel/money.js';
import type { RuleSet, UnspentFundsPolicy } from './rule-set.js';

/** The national frame divided between IMDi's call and the municipal pool. */
export interface NationalSplit {
  readonly frame: Kroner;
  /** The municipal share as given in the rule set, e.g. `"0.70"`. */
  readonly municipalShare: string;
  /** frame × share before rounding, as an exact fraction string. */
  readonly exactMunicipalPool: string;
  readonly municipalPool: Kroner;
  /** frame − municipal pool. */
  readonly imdi: Kroner;
}

/** Splits the national frame: 2023, 132 500 000 at 0.70 → municipalities 92 750 000, IMDi 39 750 000. */
export function splitNationalFrame(frame: Kroner, rules: Pick<RuleSet, 'municipalShare' | 'splitRounding'>): NationalSplit {
  if (frame < 0) throw new AllocationError('allocation.negative_frame', {
    nb: 'Rammen kan ikke være negativ.', nn: 'Ramma kan ikkje vere negativ.', en: 'The frame cannot be negative.',
  });
  const exact = multiply(fraction(BigInt(frame)), toFraction(rules.municipalShare));
  const municipalPool = kroner(Number(roundFraction(exact, rules.splitRounding)));
  return {
    frame,
    municipalShare: rules.municipalShare,
    exactMunicipalPool: fractionToString(exact),
    municipalPool,
    imdi: kroner(frame - municipalPool),
  };
}

/** One managing municipality's claim on the pool. */
export interface MunicipalityKey {
  readonly kommunenummer: string;
  /** Residents with an immigrant background: a non-negative integer. */
  readonly key: number;
  /** This municipality's own floor; overrides the uniform floor. */
  readonly floor?: Kroner;
}

/** What to divide and among whom. The set of municipalities is given per year by the caller. */
export interface AllocationInput {
  readonly pool: Kroner;
  readonly municipalities: readonly MunicipalityKey[];
  /** A floor every municipality gets before the rest is divided by key. */
  readonly floor?: Kroner;
}

/** One municipality's frame and how it was reached. */
export interface AllocationLine {
  readonly kommunenummer: string;
  readonly key: number;
  /** key / total key, reduced, e.g. `"1234/567890"`. */
  readonly share: string;
  /** The floor given first (0 without floors). */
  readonly floor: Kroner;
  /** Exact quota of the by-key part: share × (pool − floors), as a fraction string. */
  readonly exactQuota: string;
  /** The same quota as decimal text truncated to 6 places, for people. */
  readonly exactQuotaDecimal: string;
  /** Whole kroner of the quota, before the remaining kroner were handed out. */
  readonly quotaBeforeRounding: Kroner;
  /** 1 if this municipality got one of the kroner left over, else 0. */
  readonly roundingAdjustment: 0 | 1;
  /** floor + quotaBeforeRounding + roundingAdjustment. */
  readonly frame: Kroner;
}

/** A complete division of the pool; `lines` are sorted by kommunenummer. */
export interface Allocation {
  readonly pool: Kroner;
  readonly totalKey: number;
  readonly floorsTotal: Kroner;
  /** pool − floors: the part divided by key. */
  readonly distributedByKey: Kroner;
  /** Kroner handed out one by one by largest remainder. */
  readonly leftoverKroner: number;
  readonly lines: readonly AllocationLine[];
}

/** The allocation input cannot be divided as asked. */
export class AllocationError extends DomainError {}

/** The floors together are more than the pool. */
export class FloorsExceedPoolError extends AllocationError {
  constructor(floorsTotal: Kroner, pool: Kroner) {
    super('allocation.floors_exceed_pool', {
      nb: `Minstebeløpene er til sammen ${formatKroner(floorsTotal, 'nb')}, mer enn potten på ${formatKroner(pool, 'nb')}.`,
      nn: `Minstebeløpa er til saman ${formatKroner(floorsTotal, 'nn')}, meir enn potten på ${formatKroner(pool, 'nn')}.`,
      en: `The floors add up to ${formatKroner(floorsTotal, 'en')}, more than the pool of ${formatKroner(pool, 'en')}.`,
    }, { details: { floorsTotal, pool } });
  }
}

function check(condition: boolean, code: string, messages: { nb: string; nn: string; en: string }, details?: Record<string, unknown>): void {
  if (!condition) throw new AllocationError(code, messages, details ? { details } : {});
}

/**
 * Divides the pool into one frame per municipality: floors first, the rest by key with the
 * largest-remainder method. Frames are never negative and always add up to the pool exactly.
 *
 * Throws {@link AllocationError}: `allocation.no_municipalities`, `allocation.invalid_kommunenummer`,
 * `allocation.duplicate_municipality` (also when two spellings such as `' 0301'` and `'0301'` meet),
 * `allocation.invalid_key`, `allocation.zero_total_key` (pool left to divide but every key is 0),
 * `allocation.negative_pool`, and {@link FloorsExceedPoolError}.
 */
export function allocateFrames(input: AllocationInput): Allocation {
  const { pool } = input;
  check(input.municipalities.length > 0, 'allocation.no_municipalities', {
    nb: 'Det er ingen kommuner å fordele til.', nn: 'Det er ingen kommunar å fordele til.', en: 'There are no municipalities to allocate to.',
  });
  check(Number.isSafeInteger(pool) && pool >= 0, 'allocation.negative_pool', {
    nb: 'Potten må være et positivt helt beløp.', nn: 'Potten må vere eit positivt heilt beløp.', en: 'The pool must be a non-negative whole amount.',
  });
  const municipalities = input.municipalities.map(withValidKommunenummer);
  const seen = new Set<string>();
  for (const m of municipalities) {
    check(!seen.has(m.kommunenummer), 'allocation.duplicate_municipality', {
      nb: `Kommune ${m.kommunenummer} står to ganger.`, nn: `Kommune ${m.kommunenummer} står to gonger.`, en: `Municipality ${m.kommunenummer} is listed twice.`,
    }, { kommunenummer: m.kommunenummer });
    seen.add(m.kommunenummer);
    check(Number.isSafeInteger(m.key) && m.key >= 0, 'allocation.invalid_key', {
      nb: `Fordelingsnøkkelen for ${m.kommunenummer} må være et helt tall, null eller større.`,
      nn: `Fordelingsnøkkelen for ${m.kommunenummer} må vere eit heilt tal, null eller større.`,
      en: `The key for ${m.kommunenummer} must be a whole number, zero or more.`,
    }, { kommunenummer: m.kommunenummer });
  }

  const floors = municipalities.map((m) => kroner(m.floor ?? input.floor ?? 0));
  const floorsTotal = sum(floors);
  if (floors.some((f) => f < 0)) throw new AllocationError('allocation.negative_floor', {
    nb: 'Et minstebeløp kan ikke være negativt.', nn: 'Eit minstebeløp kan ikkje vere negativt.', en: 'A floor cannot be negative.',
  });
  if (floorsTotal > pool) throw new FloorsExceedPoolError(floorsTotal, pool);
  const distributedByKey = kroner(pool - floorsTotal);

  const totalKey = municipalities.reduce((total, m) => total + BigInt(m.key), 0n);
  check(totalKey > 0n || distributedByKey === 0, 'allocation.zero_total_key', {
    nb: 'Alle fordelingsnøklene er null, så potten kan ikke fordeles.',
    nn: 'Alle fordelingsnøklane er null, så potten kan ikkje fordelast.',
    en: 'Every key is zero, so the pool cannot be divided.',
  });

  const quotas = municipalities.map((m, index) => {
    const share = totalKey === 0n ? fraction(0n) : fraction(BigInt(m.key), totalKey);
    const exact = multiply(share, fraction(BigInt(distributedByKey)));
    const whole = exact.numerator / exact.denominator;
    const remainder = fraction(exact.numerator - whole * exact.denominator, exact.denominator);
    return { m, index, share, exact, whole, remainder };
  });
  const leftover = Number(BigInt(distributedByKey) - quotas.reduce((total, q) => total + q.whole, 0n));

  const ranked = [...quotas].sort(
    (a, b) => compare(b.remainder, a.remainder) || b.m.key - a.m.key || (a.m.kommunenummer < b.m.kommunenummer ? -1 : a.m.kommunenummer > b.m.kommunenummer ? 1 : 0),
  );
  const getsOneMore = new Set(ranked.slice(0, leftover).map((q) => q.index));

  const lines: AllocationLine[] = quotas.map((q) => {
    const floor = floors[q.index] ?? kroner(0);
    const roundingAdjustment = getsOneMore.has(q.index) ? 1 : 0;
    const quotaBeforeRounding = kroner(Number(q.whole));
    return {
      kommunenummer: q.m.kommunenummer,
      key: q.m.key,
      share: shareString(q.share, totalKey),
      floor,
      exactQuota: fractionToString(q.exact),
      exactQuotaDecimal: fractionToDecimalString(q.exact, 6),
      quotaBeforeRounding,
      roundingAdjustment,
      frame: kroner(floor + quotaBeforeRounding + roundingAdjustment),
    };
  });
  lines.sort((a, b) => (a.kommunenummer < b.kommunenummer ? -1 : a.kommunenummer > b.kommunenummer ? 1 : 0));
  return { pool, totalKey: Number(totalKey), floorsTotal, distributedByKey, leftoverKroner: leftover, lines };
}

/**
 * The entry with its kommunenummer read by {@link kommunenummerSchema}, so that `'abc'` is refused and
 * `' 0301'` is the same municipality as `'0301'` (and so a duplicate), not a second claim on the pool.
 */
function withValidKommunenummer<T extends { readonly kommunenummer: string }>(entry: T): T {
  const parsed = kommunenummerSchema.safeParse(entry.kommunenummer);
  check(parsed.success, 'allocation.invalid_kommunenummer', {
    nb: `«${entry.kommunenummer}» er ikke et kommunenummer med 4 sifre.`,
    nn: `«${entry.kommunenummer}» er ikkje eit kommunenummer med 4 siffer.`,
    en: `"${entry.kommunenummer}" is not a 4-digit municipality number.`,
  }, { kommunenummer: entry.kommunenummer });
  return parsed.success ? { ...entry, kommunenummer: parsed.data } : entry;
}

function shareString(share: Fraction, totalKey: bigint): string {
  return totalKey === 0n ? '0' : fractionToString(share);
}

/** Money returned by one municipality (not awarded, or paid back) at the end of a grant year. */
export interface ReturnedFunds {
  readonly kommunenummer: string;
  readonly amount: Kroner;
}

/** Where returned funds go, according to the rule set of the year they were granted in. */
export interface Reallocation {
  readonly policy: UnspentFundsPolicy;
  /** Added to next year's national frame (policy `return_to_imdi`). */
  readonly toNextYearNationalFrame: Kroner;
  /** Kept by each municipality for its next year (policy `carry_over`). */
  readonly carriedOver: readonly ReturnedFunds[];
}

/**
 * Applies the unspent-funds policy (kommunenummer checked as in {@link allocateFrames}): either everything goes back to IMDi and into next year's
 * national frame, or each municipality keeps its own returned money as carry-over.
 */
export function reallocateReturnedFunds(rules: Pick<RuleSet, 'unspentFunds'>, returnedAsGiven: readonly ReturnedFunds[]): Reallocation {
  const returned = returnedAsGiven.map(withValidKommunenummer);
  for (const r of returned) {
    if (!Number.isSafeInteger(r.amount) || r.amount < 0) throw new AllocationError('allocation.negative_return', {
      nb: 'Tilbakeført beløp kan ikke være negativt.', nn: 'Tilbakeført beløp kan ikkje vere negativt.', en: 'A returned amount cannot be negative.',
    }, { details: { kommunenummer: r.kommunenummer } });
  }
  if (rules.unspentFunds === 'return_to_imdi') {
    return { policy: 'return_to_imdi', toNextYearNationalFrame: sum(returned.map((r) => r.amount)), carriedOver: [] };
  }
  const byMunicipality = new Map<string, Kroner>();
  for (const r of returned) byMunicipality.set(r.kommunenummer, kroner((byMunicipality.get(r.kommunenummer) ?? 0) + r.amount));
  const carriedOver = [...byMunicipality.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([kommunenummer, amount]) => ({ kommunenummer, amount }));
  return { policy: 'carry_over', toNextYearNationalFrame: kroner(0), carriedOver };
}

/** What a municipality carries into next year under a reallocation (0 under `return_to_imdi`). */
export function carriedOverFor(reallocation: Reallocation, kommunenummer: string): Kroner {
  return reallocation.carriedOver.find((c) => c.kommunenummer === kommunenummer)?.amount ?? kroner(0);
}

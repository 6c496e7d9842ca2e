/**
 * The year's rules as stored, versioned national data. Every save by IMDi is a new version (never
 * an overwrite), so what a round was created under can always be read again; the current version
 * of a year is the latest. A version is locked once a round uses it: a change after that is a new
 * version, which only rounds created from then on use.
 */
import { DomainError } from '../kernel/errors.js';
import { defaultRuleSets } from './default-rule-sets.js';
import type { RuleSet } from './rule-set.js';

/** Who saved the code default: no one; it came with the code. */
export const CODE_DEFAULT_AUTHOR = 'code-default';

/** One version of one grant year's rules. */
export interface RuleSetVersion {
  readonly grantYear: number;
  /** 1, 2, 3 … in the order they were saved. */
  readonly version: number;
  readonly ruleSet: RuleSet;
  /** Whether a round uses this version; a locked version is never changed again. */
  readonly locked: boolean;
  /** Whether the version is in the store; the code default is not until it is first needed. */
  readonly stored: boolean;
  /** When it was saved (ISO-8601 UTC); absent for the code default. */
  readonly savedAt?: string;
  /** The user who saved it, or {@link CODE_DEFAULT_AUTHOR}. */
  readonly savedBy: string;
  /** The version it was edited from; absent for the first. */
  readonly basedOnVersion?: number;
  /** Dotted paths of the fields that differ from `basedOnVersion`, e.g. `amounts.maxPerApplication`. */
  readonly changedFields: readonly string[];
}

/** The code default of a year as its version 1, or `undefined` for a year without one. */
export function codeDefaultVersion(grantYear: number, defaults: readonly RuleSet[] = defaultRuleSets): RuleSetVersion | undefined {
  const ruleSet = defaults.find((r) => r.grantYear === grantYear);
  return ruleSet && { grantYear, version: 1, ruleSet, locked: false, stored: false, savedBy: CODE_DEFAULT_AUTHOR, changedFields: [] };
}

/**
 * Every version of a year, oldest first: the stored ones, or, while none is stored, the code
 * default as version 1. The default is stored only when first needed — by the first save or the
 * first round that locks it — rather than on a read or at start: a read must stay a read (the
 * pages and APIs that show the rules may not be allowed to write national data), and a deployed
 * system has no "start" that could seed every year. Once stored, a version never changes with the code.
 */
export function versionsWithDefault(stored: readonly RuleSetVersion[], grantYear: number, defaults?: readonly RuleSet[]): RuleSetVersion[] {
  if (stored.length > 0) return [...stored].sort((a, b) => a.version - b.version);
  const fallback = codeDefaultVersion(grantYear, defaults);
  return fallback ? [fallback] : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The dotted paths of the leaves that differ between two rule sets (array items by index, a
 * shorter or longer list by its own path), so the audit trail says what a save changed.
 */
export function changedFields(before: unknown, after: unknown, path = ''): string[] {
  if (Array.isArray(before) && Array.isArray(after)) {
    if (before.length !== after.length) return [path];
    return before.flatMap((item, i) => changedFields(item, after[i], path ? `${path}.${i}` : String(i)));
  }
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => changedFields(before[key], after[key], path ? `${path}.${key}` : key));
  }
  return Object.is(before, after) ? [] : [path];
}

/** The version a save was based on is no longer the current one: someone saved in between. */
export class RuleSetChangedMeanwhileError extends DomainError {
  constructor(grantYear: number, basedOnVersion: number, currentVersion: number) {
    super('rule_set.changed_meanwhile', {
      nb: `Reglene for ${grantYear} er endret av noen andre (nå versjon ${currentVersion}, du redigerte versjon ${basedOnVersion}). Det du skrev, er ikke lagret; se over den nye versjonen og lagre igjen.`,
      nn: `Reglane for ${grantYear} er endra av nokon andre (no versjon ${currentVersion}, du redigerte versjon ${basedOnVersion}). Det du skreiv, er ikkje lagra; sjå over den nye versjonen og lagre igjen.`,
      en: `The rules for ${grantYear} were changed by someone else (now version ${currentVersion}, you edited version ${basedOnVersion}). What you typed is not saved; review the new version and save again.`,
    }, { details: { grantYear, basedOnVersion, currentVersion } });
  }
}

/** A rule set sent for one year names another. */
export class RuleSetYearMismatchError extends DomainError {
  constructor(grantYear: number, ruleSetYear: number) {
    super('rule_set.year_mismatch', {
      nb: `Reglene gjelder ${ruleSetYear}, men de lagres for ${grantYear}.`,
      nn: `Reglane gjeld ${ruleSetYear}, men dei blir lagra for ${grantYear}.`,
      en: `The rules are for ${ruleSetYear}, but they are being saved for ${grantYear}.`,
    }, { fields: [{ field: 'grantYear', code: 'rule_set.year_mismatch', messages: {
      nb: `Tilskuddsåret må være ${grantYear}.`, nn: `Tilskotsåret må vere ${grantYear}.`, en: `The grant year must be ${grantYear}.`,
    } }], details: { grantYear, ruleSetYear } });
  }
}

/**
 * The version a save makes: the next number after `current`, with the fields it changes. Pure;
 * throws {@link RuleSetChangedMeanwhileError} when `basedOnVersion` is not the current version
 * (0 stands for "no version yet", for a year without rules).
 */
export function nextRuleSetVersion(
  current: RuleSetVersion | undefined,
  edit: { readonly grantYear: number; readonly ruleSet: RuleSet; readonly basedOnVersion: number; readonly at: string; readonly by: string },
): RuleSetVersion {
  if (edit.ruleSet.grantYear !== edit.grantYear) throw new RuleSetYearMismatchError(edit.grantYear, edit.ruleSet.grantYear);
  const currentNumber = current?.version ?? 0;
  if (edit.basedOnVersion !== currentNumber) throw new RuleSetChangedMeanwhileError(edit.grantYear, edit.basedOnVersion, currentNumber);
  return {
    grantYear: edit.grantYear,
    version: currentNumber + 1,
    ruleSet: edit.ruleSet,
    locked: false,
    stored: true,
    savedAt: edit.at,
    savedBy: edit.by,
    ...(current ? { basedOnVersion: current.version } : {}),
    changedFields: current ? changedFields(current.ruleSet, edit.ruleSet) : [],
  };
}

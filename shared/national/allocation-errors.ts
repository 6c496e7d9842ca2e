/** Errors of publishing a year's allocation. */
import { DomainError } from '../kernel/errors.js';

/** Another administrator published a version of the year's allocation at the same moment. */
export class AllocationPublishedMeanwhileError extends DomainError {
  constructor(grantYear: number, version: number) {
    super('allocation.published_meanwhile', {
      nb: `Noen andre publiserte versjon ${version} av fordelingen for ${grantYear} samtidig. Se på den nye versjonen før du publiserer igjen.`,
      nn: `Nokon andre publiserte versjon ${version} av fordelinga for ${grantYear} samstundes. Sjå på den nye versjonen før du publiserer igjen.`,
      en: `Someone else published version ${version} of the ${grantYear} allocation at the same moment. Look at the new version before publishing again.`,
    }, { details: { grantYear, version } });
  }
}

/** The distribution key leaves out managing municipalities, so no allocation can be proposed from it. */
export class IncompleteKeyError extends DomainError {
  constructor(grantYear: number, missing: readonly string[]) {
    super('allocation.key_incomplete', {
      nb: `Fordelingsnøkkelen mangler tall for ${missing.join(', ')}, som forvalter ordningen i ${grantYear}.`,
      nn: `Fordelingsnøkkelen manglar tal for ${missing.join(', ')}, som forvaltar ordninga i ${grantYear}.`,
      en: `The key has no figure for ${missing.join(', ')}, which manage the scheme in ${grantYear}.`,
    }, { details: { grantYear, missing } });
  }
}

/** The year has no allocation version with this number. */
export class AllocationVersionNotFoundError extends DomainError {
  constructor(grantYear: number, version: number) {
    super('allocation.not_found', {
      nb: `Fordelingen for ${grantYear} har ingen versjon ${version}.`,
      nn: `Fordelinga for ${grantYear} har ingen versjon ${version}.`,
      en: `The ${grantYear} allocation has no version ${version}.`,
    }, { details: { grantYear, version } });
  }
}

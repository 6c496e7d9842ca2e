/**
 * Matching a key file to the year's managing municipalities. SSB numbers municipalities as they were
 * in the statistics' year, the register as they are in the grant year; both are translated to the
 * grant year's numbering (the 2024 renumbering) before they are compared, so a 2023 file still keys
 * a 2024 frame.
 */
import { kommunenummerIn, translateKommunenummer, type KommuneRef, type Kommunenummer } from '../kernel/kommunenummer.js';
import type { TenantId } from '../kernel/tenants.js';
import type { IgnoredKeyFileLine, KeyFile, KeyFileRow } from './distribution-key.js';

/** A municipality that manages the scheme in the grant year. */
export interface ManagingMunicipality {
  readonly tenantId: TenantId;
  readonly name: string;
  readonly kommunenummer: KommuneRef;
}

/** A managing municipality and its key from the file. */
export interface KeyMatch {
  readonly tenantId: TenantId;
  readonly name: string;
  /** In the grant year's numbering. */
  readonly kommunenummer: Kommunenummer;
  readonly key: number;
  /** Where the count stands in the file, and under which number. */
  readonly line: number;
  readonly fileKommunenummer: Kommunenummer;
}

/** What a key file gives the year's allocation, and what it leaves out. */
export interface KeyImportReport {
  readonly grantYear: number;
  /** The numbering year of the file's kommunenummer. */
  readonly fileYear: number;
  readonly matched: readonly KeyMatch[];
  /** Municipalities in the file that do not manage the scheme this year: not part of the key. */
  readonly notManaging: readonly KeyFileRow[];
  /** Managing municipalities the file has no count for: the allocation cannot go ahead without them. */
  readonly missing: readonly ManagingMunicipality[];
  /** Lines that are not a municipality (the whole country, counties), for the reader to check. */
  readonly ignored: readonly IgnoredKeyFileLine[];
}

/**
 * Matches the file's counts to the managing municipalities of `grantYear`. The file's numbers are
 * read as valid in `fileYear` (by default the year its count column names, else the grant year).
 */
export function matchKeyFile(
  file: KeyFile,
  managing: readonly ManagingMunicipality[],
  grantYear: number,
  fileYear: number = file.statisticsYear ?? grantYear,
): KeyImportReport {
  const byNumber = new Map<string, KeyFileRow>();
  for (const row of file.rows) byNumber.set(translateKommunenummer(row.kommunenummer, fileYear, grantYear), row);

  const matched: KeyMatch[] = [];
  const missing: ManagingMunicipality[] = [];
  const used = new Set<KeyFileRow>();
  for (const municipality of managing) {
    const kommunenummer = kommunenummerIn(municipality.kommunenummer, grantYear);
    const row = byNumber.get(kommunenummer);
    if (!row) {
      missing.push(municipality);
      continue;
    }
    used.add(row);
    matched.push({
      tenantId: municipality.tenantId,
      name: municipality.name,
      kommunenummer,
      key: row.count,
      line: row.line,
      fileKommunenummer: row.kommunenummer,
    });
  }
  matched.sort((a, b) => a.kommunenummer.localeCompare(b.kommunenummer));
  const notManaging = file.rows.filter((row) => !used.has(row));
  return { grantYear, fileYear, matched, notManaging, missing, ignored: file.ignored };
}

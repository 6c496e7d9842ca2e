import type { Kroner } from '../../kernel/money.js';
import type { Clock, IdGenerator } from '../../kernel/ports.js';
import type { AllocationDraft, AllocationDraftRepository } from '../allocation-draft.js';
import { decodeKeyFile, readKeyFile } from '../distribution-key.js';

/** What {@link draftAllocation} needs. */
export interface DraftAllocationDeps {
  readonly allocationDrafts: Pick<AllocationDraftRepository, 'put'>;
  readonly clock: Clock;
  readonly newId: IdGenerator;
}

/**
 * IMDi imports the year's distribution key on the year page, to review the allocation it gives.
 *
 * Primary course: the bytes are decoded (UTF-8 or Latin-1) and read whole (SSB's CSV or a plain
 * `kommunenummer;count` file); the file as read is kept as a draft with the national frame, and
 * the draft is returned for the review page, which matches it to the register.
 *
 * Alternatives:
 * - The file cannot be read (wrong delimiter, missing column, duplicate kommunenummer, a count that
 *   is negative, missing or not a number): its `KeyFileError`, naming the line; nothing is stored.
 */
export async function draftAllocation(
  deps: DraftAllocationDeps,
  input: {
    readonly grantYear: number;
    readonly nationalFrame: Kroner;
    readonly bytes: Uint8Array;
    readonly fileName: string;
    readonly statisticsYear?: number;
    readonly userId: string;
  },
): Promise<AllocationDraft> {
  const file = readKeyFile(decodeKeyFile(input.bytes), input.statisticsYear);
  if (!file.ok) throw file.error;
  const draft: AllocationDraft = {
    draftId: deps.newId(),
    grantYear: input.grantYear,
    nationalFrame: input.nationalFrame,
    file: file.value,
    fileName: input.fileName,
    createdAt: deps.clock().toISOString(),
    createdBy: input.userId,
  };
  await deps.allocationDrafts.put(draft);
  return draft;
}

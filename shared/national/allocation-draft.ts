/**
 * A distribution key IMDi has imported and is reviewing before publishing: the file as read and
 * the national frame to divide. It is kept as a draft in the national partition between the
 * import and the publish step, because the review is a page of its own (a reload or the back
 * button must not lose the key, and the file is not sent twice). Storing the file as read, not
 * the frames, means the review and the publish both compute from the register as it then is, as
 * the API's publish does. A draft is never published itself; it expires after a week.
 */
import type { Kroner } from '../kernel/money.js';
import type { KeyFile } from './distribution-key.js';

/** An imported key awaiting review. */
export interface AllocationDraft {
  readonly draftId: string;
  readonly grantYear: number;
  readonly nationalFrame: Kroner;
  readonly file: KeyFile;
  /** The uploaded file's name, for the reviewer to recognise it. */
  readonly fileName: string;
  readonly createdAt: string;
  /** Who imported it (a user id). */
  readonly createdBy: string;
}

/** How long a draft is kept: long enough for a colleague to review it. */
export const DRAFT_LIFETIME_SECONDS = 7 * 24 * 3600;

/** The drafts of imported keys (national data). */
export interface AllocationDraftRepository {
  put(draft: AllocationDraft): Promise<void>;
  /** The draft, or `undefined` when there is none (or it expired). */
  get(grantYear: number, draftId: string): Promise<AllocationDraft | undefined>;
}

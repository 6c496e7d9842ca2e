/**
 * An application (søknad) from a voluntary organisation to one call, section by section as the
 * form asks for it. A draft may be incomplete; `submissionProblems` says what is missing before it
 * can be submitted. Personal data (the contact person and the bank account) is kept in the
 * `contact` section only, so that it can be erased while the statistics stay.
 */
import type { Appeal } from '../appeals/appeal';
import type { AssessmentSummary } from '../assessments/assessment';
import type { GrantAnswer } from '../decisions/acceptance';
import type { Decision, Recommendation } from '../decisions/decision';
import type { Payout } from '../payments/payment';
import type { GrantReport } from '../reports/report';
import type { EligibilityFinding } from '../rules/eligibility';
import type { ApplicationStatus } from './lifecycle';
import type { Orgnr } from '../kernel/orgnr';
import type { RegistryRecord } from './registry-record';
import type { TenantId } from '../kernel/tenants';
import type { BudgetSection, ContactSection, ProjectSection } from './section-schemas';

export * from './section-schemas';
export * from './submission-problems';

/**
 * Largest attachment the form takes. Uploads pass through the applicant Lambda, whose request
 * payload is at most 6 MB and arrives base64-encoded (a third larger), so 4 MB is what fits.
 */
export const MAX_ATTACHMENT_BYTES = 4 * 1024 * 1024;

/** The kinds of attachment the form asks for. */
export const attachmentKinds = ['statutes', 'annual-report', 'accounts', 'audited-accounts', 'auditor-confirmation'] as const;

/**
 * Either of these shows an auditor stands behind the accounts, which the rule set's audit threshold
 * requires of larger applications: accounts confirmed by an auditor, or the auditor's own confirmation.
 */
export const auditEvidenceKinds = ['audited-accounts', 'auditor-confirmation'] as const satisfies readonly AttachmentKind[];

/** One kind of attachment. */
export type AttachmentKind = (typeof attachmentKinds)[number];

/** An uploaded file as the application refers to it; the bytes live in the private file store. */
export interface AttachmentRef {
  kind: AttachmentKind;
  key: string;
  filename: string;
  contentType: string;
  size: number;
  uploadedAt: string;
}

/** What Fordel knows from Enhetsregisteret, and whether the check could be made. */
export type RegistryCheck =
  | { status: 'verified'; checkedAt: string; record: RegistryRecord; findings: EligibilityFinding[] }
  | { status: 'not_verified'; checkedAt: string; reason: 'timeout' | 'error' }
  /** Unknown to, or deleted from, the register since the application was started. */
  | { status: 'not_in_register'; checkedAt: string; removed: boolean };

/** An application as stored. */
export interface Application {
  tenantId: TenantId;
  roundId: string;
  applicationId: string;
  /** Short reference people can read out on the phone, e.g. `K3240-2027-7F3K9Q`. */
  reference: string;
  grantYear: number;
  orgnr: Orgnr;
  organisationName: string;
  /** Where links and receipts go (personal data, erased with `contact`). */
  email: string;
  status: ApplicationStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  submittedAt?: string;
  withdrawnAt?: string;
  language: 'nb' | 'nn' | 'en';
  registryCheck: RegistryCheck;
  contact?: ContactSection;
  project?: ProjectSection;
  budget?: BudgetSection;
  answers?: Record<string, string>;
  attachments: AttachmentRef[];
  /** The application this one was prefilled from (last year's), if any. */
  prefilledFrom?: string;

  // Case handling in the municipality. Kept on the application item so that a round's list, its
  // ranking and every guard read one item per application.

  /** The caseworker (saksbehandler) responsible for the case. */
  caseworker?: CaseworkerAssignment;
  /** User ids of the assessors assigned; an external assessor may score only these applications. */
  assessorIds?: string[];
  /** User ids of those who declared a conflict of interest (fvl. § 6): they may not score or decide it. */
  recusedUserIds?: string[];
  assessmentSummary?: AssessmentSummary;
  /** The open request for more information, while the status is `returned`. */
  returnRequest?: ReturnRequest;
  /** Earlier requests for more information, oldest first, each with when it was answered. */
  returnHistory?: ReturnRequest[];
  recommendation?: Recommendation;
  decision?: Decision;
  /** The organisation's answer to a grant (accepted or declined), or its lapse at the deadline; set once. */
  acceptance?: GrantAnswer;
  /** What has been paid of the grant, by instalment. */
  payout?: Payout;
  /** The grant's final report and its review; absent until the organisation first saves it. */
  report?: GrantReport;
  /** When the preliminary reply (fvl. § 11a) was sent; it is sent once. */
  preliminaryReplyAt?: string;
  /** The appeal against the current (or, after a reversal, the reversed) decision. */
  appeal?: Appeal;
  /** Appeals against earlier decisions of the case, oldest first. */
  earlierAppeals?: Appeal[];
  /** Decisions reversed after an appeal (omgjøring), oldest first; the case was reopened after each. */
  reversedDecisions?: Decision[];
  /**
   * Whole kroner a reversed decision awarded that the budget still counts as awarded: the money is
   * left where it is until the new decision, which then commits only the difference.
   */
  heldAward?: number;
}

/** Who handles a case, since when. */
export interface CaseworkerAssignment {
  userId: string;
  name?: string;
  assignedAt: string;
}

/** The municipality's request for more information or a correction. */
export interface ReturnRequest {
  requestedAt: string;
  /** The requesting officer's user id. */
  requestedBy: string;
  /** What the applicant is asked, in the officer's words. */
  message: string;
  /** The form sections the applicant may change (ids of the applicant form's sections). */
  sections: string[];
  /** When the applicant sent the application back. */
  resubmittedAt?: string;
}

/**
 * Paying a grant out. A caseworker records each instalment of the decision's plan once its
 * condition is met and Enhetsregisteret has been asked again (a deleted, bankrupt or dissolving
 * organisation is not paid); the payment, the application's running total and the budget
 * position's `paid` are one transaction, so an instalment is recorded once and the grant is never
 * paid beyond its award. Recorded payments go to the municipality's accounting system in a payment
 * file (`payment-file.ts`), each in exactly one file.
 */
import type { Application } from '../applications/application';
import { fundingEntryOf, type FundingEntry } from '../applications/funding-index';
import { ActorRecusedError, ConcurrentChangeError } from '../applications/errors';
import { transitionApplication } from '../applications/lifecycle';
import type { AuditEntry, RegistryLookup } from '../applications/ports';
import { osloDateOf, type LocalDate } from '../kernel/deadlines';
import { kroner, type Kroner } from '../kernel/money';
import type { Orgnr } from '../kernel/orgnr';
import type { TenantId } from '../kernel/tenants';
import {
  InstalmentAlreadyPaidError, InstalmentHeldError, NoAccountNumberError, NoSuchInstalmentError, NotAcceptedError,
  PaymentBeyondAwardError, PaymentBlockedByRegistryError, RegistryUnavailableForPaymentError,
} from './errors';
import { paymentPlanOf, type Instalment } from './payment-plan';

/** Longest note a caseworker writes on what was checked before paying. */
export const MAX_CONDITIONS_NOTE_LENGTH = 1000;

/** What has been paid of a grant, kept on the application so one read answers every guard. */
export interface Payout {
  readonly amountPaid: Kroner;
  /** Numbers of the instalments recorded, in the order they were. */
  readonly paidInstalments: readonly number[];
}

/** One recorded payment, as stored beside its application and listed in a payment file. */
export interface Payment {
  readonly tenantId: TenantId;
  readonly applicationId: string;
  readonly roundId: string;
  readonly grantYear: number;
  readonly instalment: number;
  /** How many instalments the plan has, for the reference (`1/2`). */
  readonly instalments: number;
  readonly amount: Kroner;
  readonly orgnr: Orgnr;
  readonly organisationName: string;
  /** The account paid into, as the application gave it when the payment was recorded. */
  readonly accountNumber: string;
  /** What the organisation sees on its bank statement: the application's reference and the instalment. */
  readonly reference: string;
  /** The decision's date in Oslo (YYYY-MM-DD). */
  readonly decisionDate: LocalDate;
  readonly recordedAt: string;
  readonly recordedBy: string;
  /** What the caseworker checked, for an instalment held until its conditions are confirmed. */
  readonly conditionsNote?: string;
  /** When Enhetsregisteret was asked, right before recording. */
  readonly registryCheckedAt: string;
  /** Set once, by the payment file it went out in. */
  readonly exportedAt?: string;
  readonly exportId?: string;
}

/** The decision's instalments; a decision signed before plans were stated is paid in full on acceptance. */
export function instalmentsOf(application: Pick<Application, 'decision'>): Instalment[] {
  const decision = application.decision;
  if (!decision || decision.outcome === 'reject') return [];
  return decision.paymentPlan ? [...decision.paymentPlan] : paymentPlanOf(decision.amount, undefined);
}

/** Statuses in which an accepted grant may still be paid. */
const payableStatuses: readonly Application['status'][] = ['accepted', 'paid', 'reported', 'approved'];

/** Statuses in which the final report has been approved. */
const reportApprovedStatuses: readonly Application['status'][] = ['approved', 'closed'];

/** Where one instalment stands, for the case page and the API. */
export type InstalmentState =
  | { readonly kind: 'paid'; readonly payment?: Payment }
  | { readonly kind: 'ready'; readonly needsConfirmation: boolean }
  | { readonly kind: 'held'; readonly waitsFor: 'acceptance' | 'report_approved' }
  /** Declined, lapsed or otherwise never to be paid. */
  | { readonly kind: 'void' };

/** Each instalment of the decision with where it stands now. */
export function instalmentStatesOf(
  application: Pick<Application, 'decision' | 'acceptance' | 'status' | 'payout'>,
  payments: readonly Payment[],
): { instalment: Instalment; state: InstalmentState }[] {
  const accepted = application.acceptance?.outcome === 'accepted';
  const answeredOtherwise = application.acceptance && !accepted;
  return instalmentsOf(application).map((instalment) => {
    const payment = payments.find((p) => p.instalment === instalment.number);
    if (payment || application.payout?.paidInstalments.includes(instalment.number)) return { instalment, state: { kind: 'paid', ...(payment ? { payment } : {}) } };
    if (answeredOtherwise || (accepted && !payableStatuses.includes(application.status))) return { instalment, state: { kind: 'void' } };
    if (!accepted) return { instalment, state: { kind: 'held', waitsFor: 'acceptance' } };
    if (instalment.condition === 'report_approved' && !reportApprovedStatuses.includes(application.status)) return { instalment, state: { kind: 'held', waitsFor: 'report_approved' } };
    return { instalment, state: { kind: 'ready', needsConfirmation: instalment.condition === 'conditions_confirmed' } };
  });
}

/** What the registry's answer means for paying: nothing in the way, or the finding that stops it. */
export function registryBlock(lookup: RegistryLookup): PaymentBlockedByRegistryError | RegistryUnavailableForPaymentError | undefined {
  switch (lookup.status) {
    case 'unavailable': return new RegistryUnavailableForPaymentError();
    case 'removed': return new PaymentBlockedByRegistryError('removed');
    case 'not_found': return new PaymentBlockedByRegistryError('not_found');
    case 'found': {
      const record = lookup.record;
      if (record.slettedato) return new PaymentBlockedByRegistryError('removed');
      if (record.konkurs) return new PaymentBlockedByRegistryError('bankrupt');
      if (record.underAvvikling || record.underTvangsavviklingEllerTvangsopplosning) return new PaymentBlockedByRegistryError('winding_up');
      return undefined;
    }
  }
}

/** A payment as it is to be stored, with everything written with it. */
export interface PaymentCommitment {
  /** The application with its payout (and, after the last instalment of an accepted grant, status `paid`), version + 1. */
  readonly next: Application;
  readonly expectedStatus: Application['status'];
  readonly payment: Payment;
  readonly audit: AuditEntry;
  /** The application's funding index entry with its new status, when the decision names its administrator. */
  readonly funding?: FundingEntry;
}

/** What one payment is recorded from. */
export interface PaymentInput {
  readonly application: Application;
  readonly instalment: number;
  /** The version of the application the caseworker saw; a later change refuses the payment. */
  readonly expectedVersion: number;
  readonly actor: string;
  readonly conditionsNote?: string;
  /** Enhetsregisteret's answer, asked right before. */
  readonly registry: RegistryLookup;
  readonly now: Date;
  readonly newId: () => string;
}

/**
 * The payment and everything written with it, or the error that refuses it, in the order a
 * caseworker would want to hear them: recused, changed meanwhile, not accepted, no such or already
 * paid instalment, beyond the award, held by its condition, no account, then the registry's finding.
 */
export function preparePayment(input: PaymentInput): PaymentCommitment {
  const { application, now } = input;
  if (application.recusedUserIds?.includes(input.actor)) throw new ActorRecusedError('handle');
  if (application.version !== input.expectedVersion) throw new ConcurrentChangeError();
  const decision = application.decision;
  if (!decision || application.acceptance?.outcome !== 'accepted' || !payableStatuses.includes(application.status)) throw new NotAcceptedError();
  const plan = instalmentsOf(application);
  const instalment = plan.find((i) => i.number === input.instalment);
  if (!instalment) throw new NoSuchInstalmentError(input.instalment);
  const payout: Payout = application.payout ?? { amountPaid: kroner(0), paidInstalments: [] };
  if (payout.paidInstalments.includes(instalment.number)) throw new InstalmentAlreadyPaidError(instalment.number);
  const left = kroner(decision.amount - payout.amountPaid);
  if (instalment.amount > left) throw new PaymentBeyondAwardError(instalment.amount, left);
  if (instalment.condition === 'report_approved' && !reportApprovedStatuses.includes(application.status)) throw new InstalmentHeldError('report_approved');
  const note = input.conditionsNote?.trim() ?? '';
  if (instalment.condition === 'conditions_confirmed' && note === '') throw new InstalmentHeldError('conditions_confirmed');
  const accountNumber = application.contact?.accountNumber;
  if (!accountNumber) throw new NoAccountNumberError();
  const blocked = registryBlock(input.registry);
  if (blocked) throw blocked;

  const at = now.toISOString();
  const amountPaid = kroner(payout.amountPaid + instalment.amount);
  const fullyPaid = amountPaid === decision.amount;
  const status = fullyPaid && application.status === 'accepted' ? transitionApplication('accepted', 'pay', { now }) : application.status;
  const next: Application = {
    ...application,
    status,
    payout: { amountPaid, paidInstalments: [...payout.paidInstalments, instalment.number] },
    version: application.version + 1,
    updatedAt: at,
  };
  const payment: Payment = {
    tenantId: application.tenantId,
    applicationId: application.applicationId,
    roundId: application.roundId,
    grantYear: application.grantYear,
    instalment: instalment.number,
    instalments: plan.length,
    amount: instalment.amount,
    orgnr: application.orgnr,
    organisationName: application.organisationName,
    accountNumber,
    reference: `${application.reference} ${instalment.number}/${plan.length}`,
    decisionDate: osloDateOf(decision.decidedAt),
    recordedAt: at,
    recordedBy: input.actor,
    ...(note ? { conditionsNote: note.slice(0, MAX_CONDITIONS_NOTE_LENGTH) } : {}),
    registryCheckedAt: at,
  };
  const audit: AuditEntry = {
    eventId: input.newId(), at, actor: input.actor, machine: 'payment', action: 'pay', from: application.status, to: status, amount: instalment.amount,
  };
  const funding = decision.administratorName && status !== application.status ? fundingEntryOf(next, { administratorName: decision.administratorName }) : undefined;
  return { next, expectedStatus: application.status, payment, audit, ...(funding ? { funding } : {}) };
}

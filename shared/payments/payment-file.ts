/**
 * The payment file for the municipality's accounting system: one row per recorded payment, with
 * the organisation number, the account to pay into, whole kroner, the reference the organisation
 * sees and the decision's date. Semicolon-separated UTF-8 with a header row and CRLF line ends, as
 * Norwegian accounting imports and spreadsheets read it.
 */
import { csvText } from '../kernel/csv';
import type { Payment } from './payment';

/** The file's columns, in order. */
export const paymentFileColumns = ['orgnr', 'kontonummer', 'belop', 'referanse', 'vedtaksdato', 'mottaker'] as const;

/** The rows of one file, oldest payment first. */
export function paymentFileRows(payments: readonly Payment[]): string[][] {
  return payments.map((p) => [p.orgnr, p.accountNumber, String(p.amount), p.reference, p.decisionDate, p.organisationName]);
}

/** The whole file as text. */
export function paymentFileText(payments: readonly Payment[]): string {
  return csvText([paymentFileColumns, ...paymentFileRows(payments)]);
}

/** A payment file as kept: which payments went out in it, and their sum, so it can be fetched again unchanged. */
export interface PaymentExport {
  readonly exportId: string;
  readonly tenantId: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly payments: readonly Payment[];
  /** Whole kroner: the sum of the payments' amounts. */
  readonly total: number;
}

/** A payment file as listed: without its payments, with how many it holds. */
export type PaymentExportSummary = Omit<PaymentExport, 'payments'> & { readonly count: number };

/** Most payments in one file: each is marked in the same transaction as the file (100 writes at most, with the file and its audit event). */
export const MAX_PAYMENTS_PER_FILE = 98;

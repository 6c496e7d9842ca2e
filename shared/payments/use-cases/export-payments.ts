/**
 * A caseworker or the municipal admin exports the payment file for the accounting system.
 *
 * Primary course: the recorded payments not yet in a file (oldest first, at most
 * `MAX_PAYMENTS_PER_FILE`) go into a new file, each marked exported in the same transaction, with an
 * audit event; the file can be fetched again unchanged, and the rest go in the next one.
 *
 * Alternatives: nothing to export (`payment.nothing_to_export`); another export took the same
 * payments at the same moment: the list is read again and what is left is exported, so no payment
 * is ever in two files.
 */
import { ConcurrentChangeError } from '../../applications/errors';
import type { TenantId } from '../../kernel/tenants';
import { NothingToExportError } from '../errors';
import { MAX_PAYMENTS_PER_FILE, type PaymentExport } from '../payment-file';
import type { PaymentRepository } from '../ports';

/** How often an export is tried on a fresh list before the collision is reported. */
const ATTEMPTS = 3;

/** What {@link exportPayments} needs. */
export interface ExportPaymentsDeps {
  readonly payments: Pick<PaymentRepository, 'listUnexported' | 'saveExport'>;
  readonly clock: () => Date;
  readonly newId: () => string;
}

/** Exports the waiting payments into one file; resolves to the file and how many still wait. */
export async function exportPayments(
  deps: ExportPaymentsDeps,
  input: { readonly tenantId: TenantId; readonly actor: string },
): Promise<{ export: PaymentExport; remaining: number }> {
  for (let attempt = 1; ; attempt++) {
    const waiting = await deps.payments.listUnexported(input.tenantId);
    if (waiting.length === 0) throw new NothingToExportError();
    const payments = waiting.slice(0, MAX_PAYMENTS_PER_FILE);
    const at = deps.clock().toISOString();
    const file: PaymentExport = {
      exportId: deps.newId(),
      tenantId: input.tenantId,
      createdAt: at,
      createdBy: input.actor,
      payments,
      total: payments.reduce((sum, p) => sum + p.amount, 0),
    };
    try {
      await deps.payments.saveExport({
        export: file,
        audit: { eventId: deps.newId(), at, actor: input.actor, machine: 'payment', action: 'export_payments', amount: file.total },
      });
      return { export: file, remaining: waiting.length - payments.length };
    } catch (error) {
      if (!(error instanceof ConcurrentChangeError) || attempt >= ATTEMPTS) throw error;
    }
  }
}

import { DomainError } from '../../shared/kernel/errors';

/**
 * IAM refused a tenant session's call: the code asked for data outside the session's tenant (or
 * application). It says no more than "not found", so a refusal neither leaks that the data exists
 * nor shows AWS's message, which names the role and the resource.
 */
export class AccessRefusedError extends DomainError {
  constructor(options: { cause: unknown }) {
    super(
      'access.refused',
      { nb: 'Vi finner ikke det du ba om.', nn: 'Vi finn ikkje det du bad om.', en: 'We cannot find what you asked for.' },
      options,
    );
  }
}

/** DynamoDB's and S3's names for an IAM refusal. */
const refusalNames = new Set(['AccessDeniedException', 'AccessDenied']);

/** Whether an SDK error is IAM refusing the call. */
export function isAccessDenied(error: unknown): boolean {
  return refusalNames.has((error as { name?: string } | undefined)?.name ?? '');
}

/**
 * SDK middleware turning IAM refusals of a tenant-scoped client into {@link AccessRefusedError}, a
 * domain error the apps answer without a 5xx. Add it with {@link refusalPlacement}: first in the
 * stack, so it sees the error after the SDK's retries.
 */
export function refuseAccess<Args, Output>(next: (args: Args) => Promise<Output>) {
  return async (args: Args): Promise<Output> => {
    try {
      return await next(args);
    } catch (error) {
      if (isAccessDenied(error)) throw new AccessRefusedError({ cause: error });
      throw error;
    }
  };
}

/** Where {@link refuseAccess} goes in a client's middleware stack. */
export const refusalPlacement = { step: 'initialize', priority: 'high', name: 'refuseAccess' } as const;

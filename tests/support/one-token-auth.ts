import { InvalidTokenError, type Authentication, type Principal } from '../../functions/http/common/authentication';

/**
 * An authentication that accepts exactly one token, as `principal`, for tests of what an app does
 * after sign-in (the seam, the forms), where token verification is not what is under test.
 */
export function oneTokenAuthentication(token: string, principal: Principal): Authentication {
  return {
    settings: { issuer: 'https://issuer.example', clientId: 'fordel-test' },
    metadata: () => Promise.reject(new Error('not used')),
    knownMetadata: () => undefined,
    revoke: async () => undefined,
    verify: async (presented) => {
      if (presented !== token) throw new InvalidTokenError('unknown');
      return principal;
    },
  };
}

/**
 * A problem with the local environment that the user can fix. `npm start` prints the message
 * as one line, without a stack trace, and exits.
 */
export class LocalEnvironmentError extends Error {
  override readonly name = 'LocalEnvironmentError';
}

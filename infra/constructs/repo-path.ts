import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Absolute path of a file in the repository, independent of the directory `cdk` or vitest runs in.
 */
export function repoPath(...segments: string[]): string {
  return resolve(repoRoot, ...segments);
}

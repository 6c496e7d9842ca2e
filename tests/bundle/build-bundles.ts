import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { repoPath } from '../../infra/constructs/repo-path';
import { buildLambdaBundles } from '../../infra/lambda-bundles';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Built Lambda bundles: name (`applicant`, `close-rounds`, …) → absolute path of its `index.mjs`. */
    lambdaBundles: Record<string, string>;
  }
}

/**
 * Builds every Lambda once for the whole run, with the deployed esbuild options, inside the
 * repository so that the bundles resolve `@aws-sdk/*` from its node_modules.
 */
export default async function setup(project: TestProject) {
  const outdir = repoPath('.test-artifacts', 'lambda-bundles');
  rmSync(outdir, { recursive: true, force: true });
  const bundles = await buildLambdaBundles(outdir);
  project.provide('lambdaBundles', Object.fromEntries(bundles.map((bundle) => [bundle.name, bundle.file])));
}

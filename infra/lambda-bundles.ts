import { statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { build } from 'esbuild';
import { esbuildOptions } from './constructs/lambda-bundling';
import { HTTP_ENTRIES } from './stacks/api-stack';
import { JOBS } from './stacks/jobs-stack';

/**
 * Every Lambda the stacks deploy, by bundle name: the entry's folder (`applicant`, `close-rounds`),
 * read from the stacks themselves so that a new function is built and tested without a second list.
 */
export const LAMBDA_ENTRIES: Readonly<Record<string, string>> = bundleNames([...Object.values(HTTP_ENTRIES), ...Object.values(JOBS).map((job) => job.entry)]);

function bundleNames(entries: readonly string[]): Record<string, string> {
  const named = entries.map((entry) => [basename(dirname(entry)), entry] as const);
  const names = new Set(named.map(([name]) => name));
  // Two entries in folders of the same name would build into one folder, the second over the first.
  if (names.size !== named.length) throw new Error(`Lambda entries need folders of distinct names: ${entries.join(', ')}`);
  return Object.fromEntries(named);
}

/** One built bundle. */
export interface LambdaBundle {
  readonly name: string;
  readonly entry: string;
  /** Absolute path of `index.mjs`, ready to `import()` as Lambda's Node runtime does. */
  readonly file: string;
  readonly bytes: number;
}

/**
 * Builds the named Lambdas (default: all) into `<outdir>/<name>/index.mjs` with the options the
 * CDK deploys with. Keep `outdir` inside the repository: the bundles leave `@aws-sdk/*` out, and
 * they find it in the repository's node_modules as they find the runtime's SDK in Lambda.
 */
export async function buildLambdaBundles(outdir: string, names: readonly string[] = Object.keys(LAMBDA_ENTRIES)): Promise<LambdaBundle[]> {
  return Promise.all(
    names.map(async (name) => {
      const entry = LAMBDA_ENTRIES[name];
      if (!entry) throw new Error(`No Lambda named ${name}; the stacks deploy ${Object.keys(LAMBDA_ENTRIES).join(', ')}`);
      const options = esbuildOptions(entry, join(outdir, name));
      await build(options);
      return { name, entry, file: options.outfile, bytes: statSync(options.outfile).size };
    }),
  );
}

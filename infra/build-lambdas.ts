/**
 * `npm run build:lambdas [name…]`: builds the Lambda bundles exactly as `cdk deploy` would into
 * dist/lambdas/<name>/index.mjs and prints their sizes, to inspect or compare a bundle without a synth.
 */
import { rmSync } from 'node:fs';
import { relative } from 'node:path';
import { repoPath } from './constructs/repo-path';
import { buildLambdaBundles } from './lambda-bundles';

const outdir = repoPath('dist', 'lambdas');
const names = process.argv.slice(2);

rmSync(outdir, { recursive: true, force: true });
const bundles = await buildLambdaBundles(outdir, names.length > 0 ? names : undefined);
console.table(bundles.map((bundle) => ({ bundle: bundle.name, file: relative(repoPath(), bundle.file), kB: Math.round(bundle.bytes / 1024) })));

import { LogLevel, OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';
import { repoPath } from './repo-path';

/**
 * Lets the ESM bundle load CommonJS dependencies that call `require` (esbuild leaves those calls
 * in place when it emits ESM, and Node's ESM scope has no `require`).
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/**
 * How every Fordel Lambda is bundled, in one place: the CDK and `npm run build:lambdas` (and the
 * bundle tests, through it) translate these same settings, so what is tested is what is deployed.
 */
export const LAMBDA_BUNDLING = {
  format: 'esm',
  target: 'node22',
  minify: true,
  sourceMap: true,
  // Stack traces need only the mappings; leaving the sources out halves the upload.
  sourcesContent: false,
  banner: ESM_REQUIRE_BANNER,
  mainFields: ['module', 'main'],
  // The Node 22 runtime ships AWS SDK v3; bundling it would only add cold-start time.
  externalModules: ['@aws-sdk/*'],
  // hono/jsx settings for the server-rendered pages come from the root tsconfig.
  tsconfig: repoPath('tsconfig.json'),
  logLevel: 'warning',
} as const;

// The CDK spells two of the settings as enums; a new value fails to compile here until it is mapped.
const cdkFormat = { esm: OutputFormat.ESM } satisfies Record<typeof LAMBDA_BUNDLING.format, OutputFormat>;
const cdkLogLevel = { warning: LogLevel.WARNING } satisfies Record<typeof LAMBDA_BUNDLING.logLevel, LogLevel>;

/** {@link LAMBDA_BUNDLING} as `NodejsFunction` bundling props. */
export function nodejsFunctionBundling(): BundlingOptions {
  return {
    format: cdkFormat[LAMBDA_BUNDLING.format],
    target: LAMBDA_BUNDLING.target,
    minify: LAMBDA_BUNDLING.minify,
    sourceMap: LAMBDA_BUNDLING.sourceMap,
    sourcesContent: LAMBDA_BUNDLING.sourcesContent,
    banner: LAMBDA_BUNDLING.banner,
    mainFields: [...LAMBDA_BUNDLING.mainFields],
    externalModules: [...LAMBDA_BUNDLING.externalModules],
    tsconfig: LAMBDA_BUNDLING.tsconfig,
    logLevel: cdkLogLevel[LAMBDA_BUNDLING.logLevel],
  };
}

/**
 * {@link LAMBDA_BUNDLING} as esbuild build options for one entry, with the flags the CDK adds on
 * its own (`--bundle --platform=node`, the output named `index.mjs` for ESM).
 */
export function esbuildOptions(entry: string, outdir: string): BuildOptions & { outfile: string } {
  return {
    entryPoints: [repoPath(entry)],
    outfile: `${outdir}/index.mjs`,
    bundle: true,
    platform: 'node',
    format: LAMBDA_BUNDLING.format,
    target: LAMBDA_BUNDLING.target,
    minify: LAMBDA_BUNDLING.minify,
    sourcemap: LAMBDA_BUNDLING.sourceMap,
    sourcesContent: LAMBDA_BUNDLING.sourcesContent,
    banner: { js: LAMBDA_BUNDLING.banner },
    mainFields: [...LAMBDA_BUNDLING.mainFields],
    external: [...LAMBDA_BUNDLING.externalModules],
    tsconfig: LAMBDA_BUNDLING.tsconfig,
    logLevel: LAMBDA_BUNDLING.logLevel,
  };
}

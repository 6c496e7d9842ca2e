import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Aspects, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readCdkJsonContext } from '../../infra/bin/config';
import { composeFordel, type ComposeOptions, type FordelStacks } from '../../infra/bin/compose';

/** Options for {@link synthFordel}. */
export interface SynthOptions extends ComposeOptions {
  /** Context on top of cdk.json's, as `-c key=value` would give (values are strings there). */
  readonly context?: Record<string, unknown>;
  /**
   * Run the cdk-nag pack as an aspect. An unsuppressed error makes `app.synth()` throw, listing
   * every finding; property tests turn it off so that they still report on their own.
   * @default true
   */
  readonly nag?: boolean;
}

/**
 * Builds the whole app the way `cdk synth` does (cdk.json context, cdk-nag aspect) and synthesises
 * it once, bundling every Lambda, into a temporary folder.
 */
export function synthFordel(options: SynthOptions = {}): FordelStacks & { app: App } {
  const app = new App({
    context: { ...readCdkJsonContext(), ...options.context },
    outdir: mkdtempSync(join(tmpdir(), 'fordel-cdk-')),
  });
  const stacks = composeFordel(app, options);
  if (options.nag !== false) checkWithNag(app);
  app.synth();
  return { ...stacks, app };
}

/** Adds the cdk-nag pack to a stand-alone stack's app; call before synthesising it. */
export function checkWithNag(app: App): void {
  Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true, reports: false }));
}

/** Unsuppressed cdk-nag findings of a stack, as readable lines (empty when clean). */
export function nagFindings(stack: Stack): string[] {
  const annotations = Annotations.fromStack(stack);
  const pattern = Match.stringLikeRegexp('AwsSolutions-.*');
  return [
    ...annotations.findError('*', pattern).map((m) => `error ${m.id}: ${String(m.entry.data).split(':')[0]}`),
    ...annotations.findWarning('*', pattern).map((m) => `warning ${m.id}: ${String(m.entry.data).split(':')[0]}`),
  ];
}

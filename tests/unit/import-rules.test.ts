/**
 * Enforces the import rules of ARCHITECTURE.md §2 for every layer: which packages and which
 * folders each layer may import. Relative imports are resolved, so `../functions/…` from
 * shared/ counts as an import of functions/.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Rule {
  /** What the rule covers, as the tests name it. */
  name: string;
  /** The folder whose files the rule covers. */
  layer: string;
  /** Only the files of the layer that match, when the rule covers part of it. */
  only?: RegExp;
  /** Files of the layer that the rule leaves out, with the reason in a comment. */
  except?: RegExp;
  forbiddenPackages: RegExp;
  forbiddenFolders: string[];
  /** Imported paths (relative to the root, no extension) that are forbidden beyond whole folders. */
  forbiddenTargets?: RegExp;
}

/** The entry points: the only files outside composition/ that may import it. */
const lambdaEntry = /\/lambda\.ts$/;

const rules: Rule[] = [
  {
    name: 'shared',
    layer: 'shared',
    forbiddenPackages: /^(@aws-sdk\/|hono|@hono\/|@middy\/|node:|aws-cdk-lib|constructs)/,
    forbiddenFolders: ['functions', 'web', 'infra', 'tests'],
  },
  {
    // A use case that calls another hides a second transaction inside the first; shared steps live
    // beside the entity instead.
    name: 'shared use cases',
    layer: 'shared',
    only: /\/use-cases\//,
    forbiddenPackages: /^(@aws-sdk\/|hono|@hono\/|@middy\/|node:)/,
    forbiddenFolders: [],
    forbiddenTargets: /\/use-cases\//,
  },
  {
    name: 'web',
    layer: 'web',
    forbiddenPackages: /^(@aws-sdk\/|@middy\/|aws-cdk-lib|node:)/,
    forbiddenFolders: ['functions', 'infra', 'tests'],
  },
  {
    // Repositories come in as ports; only the composition root knows the adapters.
    name: 'functions/http',
    layer: 'functions/http',
    except: lambdaEntry,
    forbiddenPackages: /^(@aws-sdk\/|@middy\/|aws-cdk-lib)/,
    forbiddenFolders: ['functions/adapters', 'functions/composition', 'functions/jobs', 'infra', 'tests'],
  },
  {
    name: 'functions/http entry points',
    layer: 'functions/http',
    only: lambdaEntry,
    forbiddenPackages: /^(@aws-sdk\/|@middy\/|aws-cdk-lib)/,
    forbiddenFolders: ['functions/adapters', 'functions/jobs', 'web', 'infra', 'tests'],
  },
  {
    // Jobs may compose the same emails as the apps (web/emails), never render pages.
    name: 'functions/jobs',
    layer: 'functions/jobs',
    except: lambdaEntry,
    forbiddenPackages: /^(@aws-sdk\/|hono|@hono\/|aws-cdk-lib)/,
    forbiddenFolders: ['functions/adapters', 'functions/composition', 'functions/http', 'infra', 'tests'],
    forbiddenTargets: /^web\/(?!emails\/)/,
  },
  {
    name: 'functions/jobs entry points',
    layer: 'functions/jobs',
    only: lambdaEntry,
    forbiddenPackages: /^(@aws-sdk\/|hono|@hono\/|aws-cdk-lib)/,
    forbiddenFolders: ['functions/adapters', 'functions/http', 'web', 'infra', 'tests'],
  },
  {
    name: 'functions/adapters',
    layer: 'functions/adapters',
    forbiddenPackages: /^(hono|@hono\/|@middy\/|aws-cdk-lib)/,
    forbiddenFolders: ['web', 'functions/http', 'functions/jobs', 'functions/composition', 'functions/common', 'infra', 'tests'],
  },
  {
    // The composition root wires adapters in; it does not talk to AWS itself.
    name: 'functions/composition',
    layer: 'functions/composition',
    forbiddenPackages: /^(@aws-sdk\/|aws-cdk-lib)/,
    forbiddenFolders: ['infra', 'tests'],
  },
  {
    // Shared by apps and jobs: signing and the emails that carry signed links (web/emails), no pages.
    name: 'functions/common',
    layer: 'functions/common',
    forbiddenPackages: /^(@aws-sdk\/|hono|@hono\/|@middy\/|aws-cdk-lib)/,
    forbiddenFolders: ['functions/adapters', 'functions/composition', 'functions/http', 'functions/jobs', 'infra', 'tests'],
    forbiddenTargets: /^web\/(?!emails\/)/,
  },
  {
    // The CDK app may build the table from its definition and read the kernel's constants, never
    // run product code.
    name: 'infra (CDK app, stacks, constructs)',
    layer: 'infra',
    except: /\/infra\/local\//,
    forbiddenPackages: /^(@aws-sdk\/|hono|@hono\/|@middy\/)/,
    forbiddenFolders: ['functions', 'web', 'tests', 'infra/local'],
    forbiddenTargets: /^shared\/(?!table$|kernel\/)/,
  },
  {
    // The local server starts the runtime through the composition root; the local identity
    // provider is a small app of its own, made of the same HTTP parts and pages.
    name: 'infra/local',
    layer: 'infra/local',
    forbiddenPackages: /^aws-cdk-lib/,
    forbiddenFolders: ['functions/adapters', 'functions/jobs', 'functions/http/applicant', 'functions/http/officer', 'functions/http/national', 'tests'],
  },
];

/**
 * Folders whose every source file must fall under at least one rule; a file at the top of
 * functions/ falls under none, so deployed code stays inside a layer folder.
 */
const coveredFolders = ['functions', 'shared', 'web', 'infra'];

function filesOf(rule: Rule): string[] {
  return sourceFiles(join(root, rule.layer)).filter((file) => (!rule.only || rule.only.test(file)) && !rule.except?.test(file));
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'static' ? [] : sourceFiles(path);
    return /\.(tsx?|mjs)$/.test(name) ? [path] : [];
  });
}

/** Every module specifier a file imports, statically or dynamically. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const staticImports = [...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
  const sideEffect = [...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
  const dynamic = [...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
  return [...staticImports, ...sideEffect, ...dynamic];
}

/** The broken rules of one file, as readable lines. */
function violations(rule: Rule, file: string): string[] {
  const found: string[] = [];
  for (const specifier of importsOf(file)) {
    if (specifier.startsWith('.')) {
      const target = relative(root, resolve(dirname(file), specifier)).replace(/\.(tsx?|mjs|js)$/, '');
      const folder = rule.forbiddenFolders.find((forbidden) => target === forbidden || target.startsWith(`${forbidden}/`));
      if (folder) found.push(`${relative(root, file)} imports ${folder}/ (${specifier})`);
      else if (rule.forbiddenTargets?.test(target)) found.push(`${relative(root, file)} imports ${target} (${specifier})`);
    } else if (rule.forbiddenPackages.test(specifier)) {
      found.push(`${relative(root, file)} imports ${specifier}`);
    }
  }
  return found;
}

describe('import rules', () => {
  it.each(rules.map((rule) => [rule.name, rule] as const))(
    '%s imports only what its layer may',
    (_, rule) => {
      // Prepare
      const files = filesOf(rule);

      // Act
      const broken = files.flatMap((file) => violations(rule, file));

      // Assess
      expect(files.length).toBeGreaterThan(0);
      expect(broken).toEqual([]);
    },
  );

  it('covers every source file of every folder, the top of functions/ included, with a rule', () => {
    // Prepare
    const covered = new Set(rules.flatMap(filesOf));

    // Act
    const uncovered = coveredFolders.flatMap((folder) => sourceFiles(join(root, folder))).filter((file) => !covered.has(file));

    // Assess
    expect(uncovered.map((file) => relative(root, file))).toEqual([]);
  });

  it('catches a forbidden import', () => {
    // Prepare: a rule that forbids what this very test file imports
    const rule: Rule = { name: 'tests', layer: 'tests', forbiddenPackages: /^node:fs$/, forbiddenFolders: [] };

    // Act
    const broken = violations(rule, fileURLToPath(import.meta.url));

    // Assess
    expect(broken).toEqual(['tests/unit/import-rules.test.ts imports node:fs']);
  });
});

/**
 * Enforces the import rules of ARCHITECTURE.md §2 for every layer: which packages and which
 * folders each layer may import. Relative imports are resolved, so `../functions/…` from
 * shared/ counts as an import of functions/.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Rule {
  layer: string;
  /** Files of the layer that the rule leaves out, with the reason in a comment. */
  except?: RegExp;
  forbiddenPackages: RegExp;
  forbiddenFolders: string[];
}

const rules: Rule[] = [
  {
    layer: 'shared',
    forbiddenPackages: /^(@aws-sdk\/|hono|@hono\/|@middy\/|node:|aws-cdk-lib|constructs)/,
    forbiddenFolders: ['functions', 'web', 'infra', 'tests'],
  },
  {
    layer: 'web',
    forbiddenPackages: /^(@aws-sdk\/|@middy\/|aws-cdk-lib|node:)/,
    forbiddenFolders: ['functions', 'infra', 'tests'],
  },
  {
    layer: 'functions/http',
    // The Lambda entry points are composition roots: they alone wire adapters into the apps.
    except: /\/lambda\.ts$/,
    forbiddenPackages: /^(@aws-sdk\/|aws-cdk-lib)/,
    forbiddenFolders: ['functions/adapters', 'infra', 'tests'],
  },
  {
    layer: 'functions/adapters',
    forbiddenPackages: /^(hono|@hono\/|aws-cdk-lib)/,
    forbiddenFolders: ['web', 'functions/http', 'functions/jobs', 'infra', 'tests'],
  },
  {
    layer: 'functions/jobs',
    except: /\/lambda\.ts$/,
    forbiddenPackages: /^(@aws-sdk\/|hono|@hono\/|aws-cdk-lib)/,
    forbiddenFolders: ['functions/adapters', 'functions/http', 'web', 'infra', 'tests'],
  },
  {
    // infra/local is the local composition root and may start the runtime; the CDK app may not.
    layer: 'infra',
    except: /\/infra\/local\//,
    forbiddenPackages: /^(@aws-sdk\/|hono|@hono\/|@middy\/)/,
    forbiddenFolders: ['functions', 'web', 'tests'],
  },
];

function sourceFiles(dir: string): string[] {
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
      const target = relative(root, resolve(dirname(file), specifier));
      const folder = rule.forbiddenFolders.find((forbidden) => target === forbidden || target.startsWith(`${forbidden}/`));
      if (folder) found.push(`${relative(root, file)} imports ${folder}/ (${specifier})`);
    } else if (rule.forbiddenPackages.test(specifier)) {
      found.push(`${relative(root, file)} imports ${specifier}`);
    }
  }
  return found;
}

describe('import rules', () => {
  it.each(rules.map((rule) => [rule.layer, rule] as const))('%s imports only what its layer may', (_, rule) => {
    // Prepare
    const files = sourceFiles(join(root, rule.layer)).filter((file) => !rule.except?.test(file));

    // Act
    const broken = files.flatMap((file) => violations(rule, file));

    // Assess
    expect(files.length).toBeGreaterThan(0);
    expect(broken).toEqual([]);
  });

  it('catches a forbidden import', () => {
    // Prepare: a rule that forbids what this very test file imports
    const rule: Rule = { layer: 'tests', forbiddenPackages: /^node:fs$/, forbiddenFolders: [] };

    // Act
    const broken = violations(rule, fileURLToPath(import.meta.url));

    // Assess
    expect(broken).toEqual(['tests/unit/import-rules.test.ts imports node:fs']);
  });
});

/**
 * Enforces ARCHITECTURE.md §2 for shared/: the domain core imports only zod, date libraries and
 * itself, and touches no I/O, environment or clock.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sharedDir = join(root, 'shared');
const allowedPackages = ['zod', '@date-fns/tz', 'date-fns', 'csv-parse/sync'];
const allowedPrefixes = ['./', '../', 'date-fns/locale/'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'spec' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const files = sourceFiles(sharedDir);

describe('shared/ boundaries', () => {
  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [relative(root, f), f]))('%s imports only allowed packages and relative modules', (_, file) => {
    // Prepare
    const text = readFileSync(file, 'utf8');
    // Act
    const specifiers = [...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+['"]([^'"]+)['"];?\s*$/gm)].map((m) => m[1] ?? '');
    const dynamic = [...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? '');
    // Assess
    for (const specifier of [...specifiers, ...dynamic]) {
      const ok = allowedPrefixes.some((prefix) => specifier.startsWith(prefix)) || allowedPackages.includes(specifier);
      expect(ok, `${specifier} in ${relative(root, file)}`).toBe(true);
    }
  });

  it.each(files.map((f) => [relative(root, f), f]))('%s reads no environment, clock or outside files', (_, file) => {
    // Prepare: strip comments so documentation may mention what code must not do
    const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    // Act / Assess
    expect(code).not.toMatch(/process\.env|Date\.now\(|new Date\(\)|Math\.random\(|\/work\/shared|require\(/);
  });
});

// Copies Designsystemet's CSS (component styles and the Digdir theme) into web/static/ds/, from
// where the local server serves it and the CDK web stack uploads it with our own assets.
// Runs after `npm install` and before the local server starts; the copies are not committed.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const webFolder = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web');

/** Source file for each name served under /static/ds/. */
export const designSystemFiles = {
  'index.css': () => require.resolve('@digdir/designsystemet-css'),
  'theme.css': () => require.resolve('@digdir/designsystemet-theme/digdir.css'),
};

export function copyDesignSystem() {
  const target = join(webFolder, 'static', 'ds');
  mkdirSync(target, { recursive: true });
  for (const [name, source] of Object.entries(designSystemFiles)) copyFileSync(source(), join(target, name));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) copyDesignSystem();

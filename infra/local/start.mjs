// `npm start` on a fresh clone: checks the prerequisites, installs what is missing, then starts
// the local product (infra/local/serve.ts). Plain JavaScript, because it runs before any
// dependency (TypeScript included) is installed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const [major] = process.versions.node.split('.').map(Number);
if (major < 20) {
  console.error(`fordel: Node.js ${process.versions.node} is too old; install Node.js 20 or newer (https://nodejs.org) and try again.`);
  process.exit(1);
}

const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
const javaVersion = /version "(\d+)(?:\.(\d+))?/.exec(`${java.stderr ?? ''}${java.stdout ?? ''}`);
const javaMajor = javaVersion ? (Number(javaVersion[1]) === 1 ? Number(javaVersion[2]) : Number(javaVersion[1])) : undefined;
if (java.error || javaMajor === undefined || javaMajor < 17) {
  console.error(
    `fordel: ${javaMajor ? `Java ${javaMajor} is too old` : 'Java is not installed'}; DynamoDB Local needs Java 17 or newer: install it (e.g. \`sudo apt-get install openjdk-17-jre-headless\`) and try again.`,
  );
  process.exit(1);
}

/** Dependencies are missing, or package-lock.json changed since they were installed. */
function needsInstall() {
  const marker = 'node_modules/.package-lock.json';
  if (!existsSync(marker)) return true;
  return existsSync('package-lock.json') && statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs;
}

if (needsInstall()) {
  console.log('fordel: installing dependencies (first start only)…');
  const install = spawnSync('npm', [existsSync('package-lock.json') ? 'ci' : 'install', '--no-audit', '--no-fund'], {
    stdio: 'inherit',
  });
  if (install.status !== 0) {
    console.error('fordel: `npm install` failed; see the messages above, fix the cause and run `npm start` again.');
    process.exit(1);
  }
}

const server = spawn(process.execPath, ['--import', 'tsx', 'infra/local/serve.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
  // The SDK warns that its 2027 releases need Node 22 (as Lambda runs); locally Node 20 is enough.
  env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...process.env },
});
// Pass stop signals on, then wait for the server to clean up. In a terminal Ctrl-C reaches both
// processes; the server ignores the repeat while it is already stopping.
process.on('SIGTERM', () => server.kill('SIGTERM'));
process.on('SIGINT', () => server.kill('SIGINT'));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, existsSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/ports';

/** Runs `npm start`'s script as a user would and returns what it printed. */
function runStart(env: Record<string, string>, args: string[] = []) {
  return spawnSync(process.execPath, ['infra/local/start.mjs', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
}

async function portsEnv(dataDir: string): Promise<Record<string, string>> {
  return {
    FORDEL_DATA_DIR: dataDir,
    PORT: String(await freePort()),
    DYNAMODB_PORT: String(await freePort()),
    MAIL_PORT: String(await freePort()),
    REGISTRY_PORT: String(await freePort()),
    S3_PORT: String(await freePort()),
  };
}

function occupy(port: number): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(port, '0.0.0.0', () => resolve(server));
  });
}

/** The message is one line, and no stack trace leaks to the user. */
function expectOneLineExplanation(output: string) {
  const lines = output.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(output).not.toMatch(/\n\s+at /);
}

describe('npm start', () => {
  it('explains in one line that Java is missing', () => {
    // Prepare: a PATH with node but without java (node and java may share a folder, so link node alone)
    const bin = mkdtempSync(join(tmpdir(), 'fordel-bin-'));
    symlinkSync(process.execPath, join(bin, 'node'));
    const env = { PATH: bin };

    // Act
    const result = runStart(env);

    // Assess
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Java 17 or newer');
    expectOneLineExplanation(result.stderr);
  });

  it('explains in one line that a port is already taken', async () => {
    // Prepare
    const env = await portsEnv(mkdtempSync(join(tmpdir(), 'fordel-')));
    const blocker = await occupy(Number(env.PORT));

    // Act
    const result = runStart(env);
    blocker.close();

    // Assess
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Port ${env.PORT}`);
    expect(result.stderr).toContain('already in use');
    expectOneLineExplanation(result.stderr);
  });

  it('explains in one line that the local data is damaged, and how to start fresh', async () => {
    // Prepare
    const dataDir = mkdtempSync(join(tmpdir(), 'fordel-'));
    mkdirSync(join(dataDir, 'dynamodb'));
    writeFileSync(join(dataDir, 'dynamodb', 'shared-local-instance.db'), 'this is not a database'.repeat(100));

    // Act
    const result = runStart(await portsEnv(dataDir));

    // Assess
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('cannot be read');
    expect(result.stderr).toContain('--fresh');
    expectOneLineExplanation(result.stderr);
  });

  it('says so when Fordel is already running', async () => {
    // Prepare: a lock written by a live process (this test runner)
    const dataDir = mkdtempSync(join(tmpdir(), 'fordel-'));
    const env = await portsEnv(dataDir);
    writeFileSync(join(dataDir, 'fordel.pid'), JSON.stringify({ pid: process.pid, port: 3999 }));

    // Act
    const result = runStart(env);

    // Assess
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('already running');
    expect(result.stderr).toContain('http://localhost:3999/');
    expectOneLineExplanation(result.stderr);
  });

  it('starts everything with demo data, keeps it over a restart, and stops cleanly on Ctrl-C', { timeout: 120_000 }, async () => {
    // Prepare
    const dataDir = mkdtempSync(join(tmpdir(), 'fordel-'));
    const env = await portsEnv(dataDir);

    // Act
    const first = await startAndStop(env);
    const second = await startAndStop(env);

    // Assess
    expect(first.output).toContain('demo data added');
    expect(first.output).toContain(`http://localhost:${env.PORT}/api/reference`);
    expect(first.output).toContain(`http://localhost:${env.MAIL_PORT}/`);
    expect(first.page).toContain('Eidsvoll kommune');
    expect(second.output).not.toContain('demo data added');
    expect(second.page).toContain('Eidsvoll kommune');
    expect(first.exitCode).toBe(0);
    expect(existsSync(join(dataDir, 'fordel.pid'))).toBe(false);
  });
});

/** Starts `npm start`, loads the start page once it is ready, then presses Ctrl-C. */
async function startAndStop(env: Record<string, string>): Promise<{ output: string; page: string; exitCode: number | null }> {
  const child = spawn(process.execPath, ['infra/local/start.mjs'], { env: { ...process.env, ...env } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  while (!output.includes('Fordel is running') && Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start stopped: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const page = await (await fetch(`http://127.0.0.1:${env.PORT}/`)).text();
  // Ctrl-C in a terminal signals the whole process group; here both processes get it directly.
  child.kill('SIGINT');
  return { output, page, exitCode: await exited };
}

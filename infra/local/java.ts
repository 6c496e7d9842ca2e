import { spawnSync } from 'node:child_process';
import { LocalEnvironmentError } from './local-error';

/** The major version of the `java` on the PATH, or undefined when there is none. */
export function javaMajorVersion(): number | undefined {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return undefined;
  // `java -version` prints to stderr, e.g. `openjdk version "17.0.15"` or `java version "1.8.0_381"`.
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 ? Number(match[2]) : first;
}

/** Refuses to go on without Java 17 or newer, which DynamoDB Local needs. */
export function requireJava(): void {
  const major = javaMajorVersion();
  if (major === undefined) {
    throw new LocalEnvironmentError(
      'Java is not installed; DynamoDB Local needs Java 17 or newer: install it (e.g. `sudo apt-get install openjdk-17-jre-headless`) and try again.',
    );
  }
  if (major < 17) {
    throw new LocalEnvironmentError(
      `Java ${major} is too old; DynamoDB Local needs Java 17 or newer: install it (e.g. \`sudo apt-get install openjdk-17-jre-headless\`) and try again.`,
    );
  }
}

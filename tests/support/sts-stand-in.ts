import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One `AssumeRole` the stand-in answered, as the caller sent it. */
export interface AssumeRoleCall {
  readonly roleArn: string;
  readonly sessionName: string;
  readonly durationSeconds: number;
  readonly tags: Readonly<Record<string, string>>;
  /** The access key id it issued, so a test can find a request's session by its signature. */
  readonly accessKeyId: string;
}

/** Options of {@link startStsStandIn}. */
export interface StsStandInOptions {
  /** When issued credentials expire, in epoch milliseconds; defaults to now plus the asked duration. */
  readonly expiresAt?: (call: { durationSeconds: number }) => number;
  /** How long each answer waits, so concurrent callers overlap the one call in flight. */
  readonly delayMs?: number;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A local HTTP server answering STS `AssumeRole` (the query protocol, as `@aws-sdk/client-sts`
 * speaks it) with fresh credentials, and recording every call. STS cannot run off AWS; standing in
 * at the HTTP level keeps the SDK's own request building, signing and parsing in the path.
 * Access keys are letters and digits only, as DynamoDB Local requires.
 */
export async function startStsStandIn(options: StsStandInOptions = {}) {
  const calls: AssumeRoleCall[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const form = new URLSearchParams(body);
      if (form.get('Action') !== 'AssumeRole') {
        response.writeHead(400, { 'content-type': 'text/xml' }).end('<ErrorResponse><Error><Code>InvalidAction</Code></Error></ErrorResponse>');
        return;
      }
      const tags: Record<string, string> = {};
      for (let index = 1; form.has(`Tags.member.${index}.Key`); index++) {
        tags[form.get(`Tags.member.${index}.Key`)!] = form.get(`Tags.member.${index}.Value`)!;
      }
      const durationSeconds = Number(form.get('DurationSeconds') ?? 3600);
      const accessKeyId = `ASIASTANDIN${String(calls.length + 1).padStart(9, '0')}`;
      const call = { roleArn: form.get('RoleArn')!, sessionName: form.get('RoleSessionName')!, durationSeconds, tags, accessKeyId };
      calls.push(call);
      const expiration = new Date(options.expiresAt?.(call) ?? Date.now() + durationSeconds * 1000).toISOString();
      const xml = `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
<Credentials><AccessKeyId>${accessKeyId}</AccessKeyId><SecretAccessKey>standin${calls.length}</SecretAccessKey>
<SessionToken>standin${calls.length}</SessionToken><Expiration>${expiration}</Expiration></Credentials>
<AssumedRoleUser><Arn>${escapeXml(call.roleArn)}/${escapeXml(call.sessionName)}</Arn><AssumedRoleId>AROASTANDIN:${escapeXml(call.sessionName)}</AssumedRoleId></AssumedRoleUser>
</AssumeRoleResult><ResponseMetadata><RequestId>standin-${calls.length}</RequestId></ResponseMetadata></AssumeRoleResponse>`;
      setTimeout(() => response.writeHead(200, { 'content-type': 'text/xml' }).end(xml), options.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    /** The session tags STS was asked to put on the session that signs with `accessKeyId`. */
    tagsOf: (accessKeyId: string) => calls.find((call) => call.accessKeyId === accessKeyId)?.tags,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

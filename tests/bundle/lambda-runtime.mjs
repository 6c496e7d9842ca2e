// Runs one built Lambda bundle as the Node.js Lambda runtime does: the module is imported once,
// in a process of its own (its top level reads process.env and builds the SDK clients), and
// `handler` is then called for each event the parent sends. A process per bundle keeps each
// bundle's environment and module state apart, and imports the bundle natively, untransformed.
import { pathToFileURL } from 'node:url';

const [bundleFile, functionName] = process.argv.slice(2);
const { handler } = await import(pathToFileURL(bundleFile).href);

let invocations = 0;
function contextFor() {
  invocations += 1;
  return {
    awsRequestId: `${functionName}-request-${invocations}`,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-north-1:123456789012:function:${functionName}`,
    memoryLimitInMB: '1024',
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'bundle-test',
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

process.on('message', async ({ id, event }) => {
  try {
    process.send({ id, result: await handler(event, contextFor()) });
  } catch (error) {
    process.send({ id, error: { name: error?.name, message: error?.message, stack: error?.stack } });
  }
});
process.send({ ready: true });

/**
 * The operator's export and import of one municipality's data (see
 * `functions/adapters/tenant-export.ts` for why this is an admin operation and not an API route).
 *
 *   npm run export-tenant -- <tenantId> [file.json]     (stdout without a file)
 *   npm run import-tenant -- <file.json>                 (into a table without the tenant's data)
 *
 * Reads TABLE_NAME, AWS_REGION and, locally, DYNAMODB_ENDPOINT from the environment; in AWS it
 * runs with the operator's own credentials, which need dynamodb:Scan and dynamodb:PutItem on the table.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createOperatorClient, exportTenant, importTenant } from '../../functions/composition/tenant-data';
import { tenantIdSchema } from '../../shared/kernel/tenants';

async function main([command, argument, file]: string[]) {
  const tableName = process.env.TABLE_NAME ?? 'fordel-local';
  const config = { AWS_REGION: process.env.AWS_REGION ?? 'eu-north-1', DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT };
  const db = createOperatorClient(config);
  try {
    if (command === 'export' && argument) {
      const document = await exportTenant(db, tableName, tenantIdSchema.parse(argument), new Date());
      const text = `${JSON.stringify(document, null, 1)}\n`;
      if (file) {
        writeFileSync(file, text);
        process.stderr.write(`Exported ${document.itemCount} items of ${document.tenantId} to ${file}\n`);
      } else process.stdout.write(text);
    } else if (command === 'import' && argument) {
      const { written } = await importTenant(db, tableName, JSON.parse(readFileSync(argument, 'utf8')));
      process.stderr.write(`Imported ${written} items into ${tableName}\n`);
    } else {
      process.stderr.write('Usage: tenant-data export <tenantId> [file] | tenant-data import <file>\n');
      process.exitCode = 2;
    }
  } finally {
    db.destroy();
  }
}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
});

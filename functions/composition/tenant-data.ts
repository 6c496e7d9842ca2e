/**
 * The operator's export and import of one municipality's data, wired for the CLI
 * (`infra/local/tenant-data.ts`): the adapter does the work, with a plain client of its own.
 */
export { createOperatorClient, exportTenant, importTenant, TenantImportRefused } from '../adapters/tenant-export';

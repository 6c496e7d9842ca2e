// The logger serves the jobs as well as the HTTP apps, so it lives in functions/common/; this path
// stays for the apps' existing imports.
export * from '../../common/logger';

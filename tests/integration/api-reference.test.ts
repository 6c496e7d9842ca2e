/**
 * The API reference lists every audience's OpenAPI document, and each listed document is served by
 * its app and names the action of every operation in a summary.
 */
import { describe, expect, it } from 'vitest';
import { applicantApp, createCompositionRoot, nationalApp, officerApp } from '../../functions/composition';
import { apiDocuments } from '../../web/messages/api-documents';
import { testConfig } from '../support/test-environment';

const config = testConfig({ AUTH_ISSUER: 'http://localhost:9/issuer', AUTH_CLIENT_ID: 'fordel-test' });
const root = createCompositionRoot(config);
const apps = { applicant: applicantApp(root, config.MAGIC_LINK_SECRET!), officer: officerApp(root), national: nationalApp(root) };

/** The paths each app serves an OpenAPI document at, from its own route table. */
const documentPathsOf = (app: { routes: readonly { method: string; path: string }[] }) =>
  app.routes.filter((route) => route.method === 'GET' && route.path.endsWith('/openapi.json')).map((route) => route.path);

type OpenApiDocument = { paths: Record<string, Record<string, { summary?: string }>> };

describe('API reference', () => {
  it('lists the document of every app, once', () => {
    const served = Object.entries(apps).flatMap(([audience, app]) => documentPathsOf(app).map((path) => ({ audience, path })));
    expect(served.length).toBe(3);
    expect(apiDocuments.map(({ audience, path }) => ({ audience, path }))).toEqual(expect.arrayContaining(served));
    expect(apiDocuments).toHaveLength(served.length);
  });

  it('serves each listed document without sign-in, with a summary on every operation', async () => {
    for (const entry of apiDocuments) {
      // Act
      const response = await apps[entry.audience].request(entry.path);
      // Assess
      expect(response.status, entry.path).toBe(200);
      const document = (await response.json()) as OpenApiDocument;
      const operations = Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ path, method, operation })));
      expect(operations.length, entry.path).toBeGreaterThan(0);
      const unnamed = operations.filter(({ operation }) => !operation.summary?.trim()).map(({ method, path }) => `${method} ${path}`);
      expect(unnamed, entry.path).toEqual([]);
    }
  });

  it('shows every document on the reference page with who it is for and how to authenticate', async () => {
    // Act
    const page = await (await apps.applicant.request('/api/reference?lang=en')).text();
    // Assess
    for (const entry of apiDocuments) {
      expect(page).toContain(`href="${entry.path}"`);
      expect(page).toContain(entry.authentication.en);
    }
  });
});

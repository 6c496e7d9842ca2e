/**
 * The admin reservation form when the budget moves under it: a change by someone else at the same
 * moment, and a year IMDi closed. The officer app runs with a budget stand-in that refuses as the
 * store does, so the refusal the form shows is the store's, said by the field.
 */
import { describe, expect, it } from 'vitest';
import { BudgetChangedMeanwhileError } from '../../functions/adapters/budget-repository';
import type { Principal } from '../../functions/http/common/authentication';
import { createLogger } from '../../functions/http/common/logger';
import { createOfficerApp, type OfficerData } from '../../functions/http/officer/app';
import { kroner } from '../../shared/kernel/money';
import { emptyPosition } from '../../shared/national/budget-position';
import { YearClosedError } from '../../shared/rules/budget-close';
import { oneTokenAuthentication } from '../support/one-token-auth';
import { freshTenantId } from '../support/test-environment';

describe('the admin reservation form when the budget moves under it', () => {
  const tenantId = freshTenantId('rr');
  const principal: Principal = { userId: 'admin-races', tenantId, roles: ['officer', 'municipal-admin'] };
  const auth = oneTokenAuthentication('admin.races.token', principal);
  const open = { ...emptyPosition(tenantId, 2027), frame: kroner(702_897), adminCap: kroner(35_145), allocationVersion: 1 };

  function appRefusingWith(error: Error) {
    const data: OfficerData = {
      calls: { listByTenant: async () => [], get: async () => undefined, getVersioned: async () => undefined, create: () => Promise.reject(new Error('not used')), change: () => Promise.reject(new Error('not used')) },
      ruleSets: { list: async () => [], get: async () => undefined },
      applications: { listSubmittedByRound: async () => [], get: async () => undefined, change: async () => undefined, listOfOrganisationInTenant: async () => [], listOrganisationsByRound: async () => new Set() },
      caseEvents: { listForApplication: async () => [] },
      staff: { record: async () => undefined, list: async () => [], remove: async () => false },
      funding: { listFor: async () => [] },
      registry: { lookup: async () => ({ status: 'unavailable', reason: 'timeout' }) },
      roundRules: { version: () => Promise.reject(new Error('not used')) },
      attachments: { getDownloadUrl: async () => 'http://localhost/download' },
      assessments: { get: async () => undefined, listByApplication: async () => [], record: () => Promise.reject(new Error('not used')) },
      standardTexts: { get: async () => undefined, save: () => Promise.reject(new Error('not used')) },
      tenants: { getProfile: async () => undefined },
      budget: { get: async () => open, change: () => Promise.reject(error), frameHistory: async () => [] },
      decisions: { get: async () => undefined, listByRound: async () => [], budget: async () => open, commit: () => Promise.reject(new Error('not used')) },
      payments: {
        get: async () => undefined, budget: async () => open, listOfApplication: async () => [], record: () => Promise.reject(new Error('not used')),
        listUnexported: async () => [], saveExport: () => Promise.reject(new Error('not used')), listExports: async () => [], getExport: async () => undefined,
      },
      appeals: { get: async () => undefined, record: () => Promise.reject(new Error('not used')), listByTenant: async () => [] },
      yearReports: { get: async () => undefined, save: () => Promise.reject(new Error('not used')) },
    };
    return createOfficerApp({ forTenant: () => data, auth, logger: createLogger('error'), baseUrl: 'http://localhost:3000' });
  }
  const post = (error: Error, lang = 'nb') =>
    appRefusingWith(error).request(`http://localhost:3000/officer/budget/2027/admin-reservation?lang=${lang}`, {
      method: 'POST',
      headers: { authorization: 'Bearer admin.races.token', origin: 'http://localhost:3000', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'amount=10+000',
    });

  it('shows a change by someone else at the same moment by the field, with 409 and what was typed', async () => {
    // Act
    const response = await post(new BudgetChangedMeanwhileError());
    const inNynorsk = await post(new BudgetChangedMeanwhileError(), 'nn');

    // Assess
    expect(response.status).toBe(409);
    const text = await response.text();
    expect(text).toContain('Budsjettet ble endret av noen andre samtidig. Se på tallene på nytt og prøv igjen.');
    expect(text).toContain('value="10 000"');
    expect(inNynorsk.status).toBe(409);
    expect(await inNynorsk.text()).toContain('Budsjettet vart endra av nokon andre samstundes.');
  });

  it('says a closed year takes no change, with 409', async () => {
    // Act
    const response = await post(new YearClosedError(2027), 'en');

    // Assess
    expect(response.status).toBe(409);
    expect(await response.text()).toContain('The grant year 2027 is closed. The reservation can no longer be changed.');
  });
});

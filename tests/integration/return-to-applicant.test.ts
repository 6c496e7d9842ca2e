import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../functions/common/logger';
import { applicantApp, createCompositionRoot, officerApp, type CompositionRoot } from '../../functions/composition';
import type { Config } from '../../functions/composition/config';
import { applicationItem } from '../../functions/adapters/entities/application-item';
import { auditEventItem } from '../../functions/adapters/entities/audit-event-item';
import { InvalidTokenError, type Authentication, type Principal } from '../../functions/http/common/authentication';
import { ApplicantClient, flushOutbox, linkIn } from '../support/applicant-client';
import { eidsvollOrganisation, fillEverything, filledSections } from '../support/application-form';
import { openCall } from '../support/calls';
import { emailsTo, freshRecipient } from '../support/mail-inbox';
import { freshTenantId, ownTableConfig } from '../support/test-environment';

const deadline = '2027-03-01T11:00:00.000Z';
const origin = 'http://localhost:3000';

/** Accepts a token per principal, so one app serves several signed-in users. */
function tokensAuthentication(principals: Record<string, Principal>): Authentication {
  return {
    settings: { issuer: 'https://issuer.example', clientId: 'fordel-test' },
    metadata: () => Promise.reject(new Error('not used')),
    knownMetadata: () => undefined,
    revoke: async () => undefined,
    verify: async (presented) => {
      const principal = principals[presented];
      if (!principal) throw new InvalidTokenError('unknown');
      return principal;
    },
  };
}

describe('returning an application for more information, over HTTP', () => {
  let config: Config;
  let root: CompositionRoot;
  let applicant: ReturnType<typeof applicantApp>;
  let officer: ReturnType<typeof officerApp>;
  const tenantId = freshTenantId('ret');
  const otherTenant = freshTenantId('reto');
  let now = new Date('2027-01-15T10:00:00.000Z');

  beforeAll(async () => {
    config = await ownTableConfig();
    root = createCompositionRoot(config, { clock: () => now, logger: createLogger('error') });
    applicant = applicantApp(root, config.MAGIC_LINK_SECRET!);
    officer = officerApp(
      root,
      tokensAuthentication({
        'officer.kari.token': { userId: 'officer-kari', tenantId, roles: ['officer'] },
        'officer.per.token': { userId: 'officer-per', tenantId, roles: ['officer'] },
        'officer.recused.token': { userId: 'officer-recused', tenantId, roles: ['officer'] },
        'approver.aud.token': { userId: 'approver-aud', tenantId, roles: ['approver'] },
        'other.officer.token': { userId: 'officer-other', tenantId: otherTenant, roles: ['officer'] },
      }),
    );
    await root.adapters.calls.create(openCall(tenantId, { deadline, opensAt: '2026-11-01T00:00:00.000Z' }));
  });

  /** A submitted application, before the deadline, in the applicant's language. */
  async function submitted(lang: 'nb' | 'en' = 'nb') {
    now = new Date('2027-01-15T10:00:00.000Z');
    const email = freshRecipient('retur');
    const client = new ApplicantClient(applicant);
    await client.get(`/calls/${tenantId}/2027-1/apply?lang=${lang}`);
    const started = await client.post(`/calls/${tenantId}/2027-1/apply`, { orgnr: eidsvollOrganisation, email }, { guards: false });
    expect(started.status).toBe(303);
    const applicationPath = started.headers.get('location')!.replace(/\/contact$/, '');
    await fillEverything(client, applicationPath, email);
    expect((await client.post(`${applicationPath}/submit`, {})).status).toBe(303);
    const applicationId = applicationPath.split('/').pop()!;
    return { client, applicationPath, applicationId, email };
  }

  const asOfficer = (token: string, path: string, init: { method?: string; form?: Record<string, string | string[]>; json?: unknown; lang?: string } = {}) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, origin, 'accept-language': init.lang ?? 'nb' };
    let body: string | undefined;
    if (init.form) {
      const params = new URLSearchParams();
      for (const [name, value] of Object.entries(init.form)) for (const each of [value].flat()) params.append(name, each);
      body = params.toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      headers['content-type'] = 'application/json';
    }
    return officer.request(`${origin}${path}`, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body });
  };

  async function auditOf(applicationId: string) {
    const result = await root.adapters.db.send(
      new QueryCommand({
        TableName: config.TABLE_NAME,
        KeyConditionExpression: 'PK = :pk',
        FilterExpression: 'entityKey = :entity',
        ExpressionAttributeValues: { ':pk': auditEventItem.partitionOf(tenantId), ':entity': applicationItem.key(tenantId, applicationId).PK },
        ConsistentRead: true,
      }),
    );
    return result.Items ?? [];
  }

  /** Opens the emailed link in a fresh browser, as the applicant would. */
  async function follow(link: string) {
    const client = new ApplicantClient(applicant);
    const path = link.replace(origin, '');
    expect((await client.get(path)).status).toBe(200);
    const opened = await client.post(path, {}, { guards: false });
    expect(opened.status).toBe(303);
    return { client, landing: opened.headers.get('location')! };
  }

  it('returns from the page with an email and link; the applicant changes only the returned sections and sends it back after the deadline', async () => {
    // Prepare
    const { applicationPath, applicationId, email } = await submitted('nb');
    now = new Date('2027-04-02T09:00:00.000Z'); // after the round's deadline
    const pagePath = `/officer/applications/${applicationId}/return`;
    const page = await asOfficer('officer.kari.token', pagePath);
    const pageHtml = await page.text();
    const version = /name="version" value="(\d+)"/.exec(pageHtml)![1]!;

    // Act: first without a message, then as meant
    const refused = await asOfficer('officer.kari.token', pagePath, { form: { message: '  ', sections: 'budget', version } });
    const refusedHtml = await refused.text();
    const returned = await asOfficer('officer.kari.token', pagePath, { form: { message: 'Budsjettet mangler leie.\nRett beløpet.', sections: ['budget', 'attachments'], version } });
    await flushOutbox(root.adapters, () => now);

    // Assess: the officer's side
    expect(page.status).toBe(200);
    expect(pageHtml).toContain('name="sections"');
    expect(refused.status).toBe(422);
    expect(refusedHtml).toContain('Skriv hva søkeren skal svare på eller rette.');
    expect(refusedHtml).toContain('value="budget" checked');
    expect(returned.status).toBe(303);
    const stored = await root.adapters.applications.get(tenantId, applicationId);
    expect(stored).toMatchObject({ status: 'returned', returnRequest: { requestedBy: 'officer-kari', sections: ['budget', 'attachments'], message: 'Budsjettet mangler leie.\nRett beløpet.' } });
    const events = await auditOf(applicationId);
    expect(events.find((event) => event.action === 'return_to_applicant')).toMatchObject({
      actor: 'officer:officer-kari', from: 'submitted', to: 'returned', applicationId, roundId: '2027-1',
    });

    // Assess: the email, in the applicant's language, with a link that works once
    const mail = (await emailsTo(email)).find((each) => each.subject.startsWith('Kommunen ber om flere opplysninger'));
    expect(mail?.body.text).toContain('Budsjettet mangler leie.');
    expect(mail?.body.text).toContain('Budsjett, Vedlegg');
    const link = linkIn(mail!);
    const { client, landing } = await follow(link);
    expect(landing).toBe(applicationPath);
    const status = await (await client.get(applicationPath)).text();
    expect(status).toContain('Kommunen ber om flere opplysninger');
    expect(status).toContain('Søknadsfristen gjelder ikke for svaret ditt.');
    expect(status).toContain(`href="${applicationPath}/budget"`);
    const again = new ApplicantClient(applicant);
    await again.get(link.replace(origin, ''));
    expect((await again.post(link.replace(origin, ''), {}, { guards: false })).status).toBe(410);

    // Act: the applicant changes the budget, tries the contact section, and sends it back
    await client.get(`${applicationPath}/budget`);
    const budgetSaved = await client.post(`${applicationPath}/budget`, { ...filledSections.budget, 'costs.0.amount': '40 000', amountApplied: '60 000', intent: 'save' });
    const contactPage = await client.get(`${applicationPath}/contact`);
    await client.get(`${applicationPath}/budget`);
    const contactRefused = await client.post(`${applicationPath}/contact`, { ...filledSections.contact, email, intent: 'save' });
    const contactRefusedHtml = await contactRefused.text();
    const review = await (await client.get(`${applicationPath}/review`)).text();
    const resubmitted = await client.post(`${applicationPath}/resubmit`, {});
    await flushOutbox(root.adapters, () => now);

    // Assess
    expect(budgetSaved.status).toBe(303);
    expect(contactPage.status).toBe(303);
    expect(contactPage.headers.get('location')).toBe(`${applicationPath}/review`);
    expect(contactRefused.status).toBe(409);
    expect(contactRefusedHtml).toContain('Kommunen har ikke bedt om endringer i denne delen av søknaden');
    expect(review).toContain('Send søknaden tilbake');
    expect(review).not.toContain(`href="${applicationPath}/contact">Endre`);
    expect(resubmitted.status).toBe(303);
    expect(resubmitted.headers.get('location')).toBe(`${applicationPath}?notice=resubmitted`);
    const after = await root.adapters.applications.get(tenantId, applicationId);
    expect(after?.status).toBe('under_assessment');
    expect(after?.returnRequest).toBeUndefined();
    expect(after?.returnHistory).toEqual([expect.objectContaining({ message: 'Budsjettet mangler leie.\nRett beløpet.', resubmittedAt: now.toISOString() })]);
    expect(after?.budget?.amountApplied).toBe(60_000);
    expect(after?.contact?.contactName).toBe(filledSections.contact.contactName);
    expect((await auditOf(applicationId)).find((event) => event.action === 'resubmit')).toMatchObject({ actor: `applicant:${applicationId}`, from: 'returned', to: 'under_assessment' });
    expect((await emailsTo(email)).some((each) => each.subject.includes('er sendt tilbake til kommunen'))).toBe(true);
    const finalStatus = await (await client.get(`${applicationPath}?notice=resubmitted`)).text();
    expect(finalStatus).toContain('Søknaden er sendt tilbake til kommunen.');
    expect(finalStatus).toContain('Tidligere forespørsler fra kommunen');
  });

  it('returns through the API, and emails an English-speaking applicant in English', async () => {
    // Prepare
    const { applicationId, email } = await submitted('en');

    // Act
    const response = await asOfficer('officer.kari.token', `/officer/api/applications/${applicationId}/return`, { json: { message: 'Please upload the audited accounts.', sections: ['attachments'] } });
    const tooLong = await asOfficer('officer.kari.token', `/officer/api/applications/${applicationId}/return`, { json: { message: 'x'.repeat(4001), sections: ['attachments'] } });
    await flushOutbox(root.adapters, () => now);

    // Assess
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ applicationId, status: 'returned', returnRequest: { sections: ['attachments'] } });
    expect(tooLong.status).toBe(422);
    const mail = (await emailsTo(email)).find((each) => each.subject.startsWith('The municipality asks for more information'));
    expect(mail?.body.text).toContain('Please upload the audited accounts.');
    expect(mail?.body.text).toContain('The application deadline does not apply to your answer.');
    expect(mail?.body.text).toContain('/link/');
  });

  it('refuses without the permission (403), to a recused officer (403), and for another municipality’s application (404)', async () => {
    // Prepare
    const { applicationId } = await submitted();
    const stored = (await root.adapters.applications.get(tenantId, applicationId))!;
    await root.adapters.applications.change({
      next: { ...stored, recusedUserIds: ['officer-recused'], version: stored.version + 1 },
      expectedStatus: 'submitted',
      audit: { eventId: ulid(), at: now.toISOString(), actor: 'officer:officer-recused', action: 'declare_recusal' },
    });
    const form = { message: 'Send vedtektene.', sections: 'attachments' };

    // Act
    const approverPage = await asOfficer('approver.aud.token', `/officer/applications/${applicationId}/return`, { form });
    const approverApi = await asOfficer('approver.aud.token', `/officer/api/applications/${applicationId}/return`, { json: form });
    const recusedPage = await asOfficer('officer.recused.token', `/officer/applications/${applicationId}/return`, { form });
    const recusedApi = await asOfficer('officer.recused.token', `/officer/api/applications/${applicationId}/return`, { json: { ...form, sections: ['attachments'] } });
    const otherPage = await asOfficer('other.officer.token', `/officer/applications/${applicationId}/return`);
    const otherApi = await asOfficer('other.officer.token', `/officer/api/applications/${applicationId}/return`, { json: { ...form, sections: ['attachments'] } });

    // Assess
    expect([approverPage.status, approverApi.status, recusedPage.status, recusedApi.status]).toEqual([403, 403, 403, 403]);
    expect([otherPage.status, otherApi.status]).toEqual([404, 404]);
    expect((await root.adapters.applications.get(tenantId, applicationId))?.status).toBe('submitted');
  });

  it('lets exactly one of an officer returning and the applicant withdrawing win; the officer keeps the message', async () => {
    // Prepare
    const { client, applicationPath, applicationId } = await submitted();
    const page = await (await asOfficer('officer.kari.token', `/officer/applications/${applicationId}/return`)).text();
    const version = /name="version" value="(\d+)"/.exec(page)![1]!;
    await client.get(applicationPath);

    // Act
    const [returned, withdrawn] = await Promise.all([
      asOfficer('officer.kari.token', `/officer/applications/${applicationId}/return`, { form: { message: 'Hvem er styreleder?', sections: 'contact', version } }),
      client.post(`${applicationPath}/withdraw`, { confirm: 'yes' }),
    ]);

    // Assess
    const outcomes = [returned.status, withdrawn.status].sort();
    expect(outcomes).toEqual([303, 409]);
    const stored = await root.adapters.applications.get(tenantId, applicationId);
    expect(stored?.status).toBe(returned.status === 303 ? 'returned' : 'withdrawn');
    if (returned.status === 409) {
      const html = await returned.text();
      expect(html).toContain('Hvem er styreleder?');
      expect(html).toContain('Meldingen din er ikke sendt');
    }
  });

  it('lets exactly one of two officers returning at once win, and the other keeps the message', async () => {
    // Prepare
    const { applicationId } = await submitted();
    const path = `/officer/applications/${applicationId}/return`;
    const version = /name="version" value="(\d+)"/.exec(await (await asOfficer('officer.kari.token', path)).text())![1]!;

    // Act
    const answers = await Promise.all([
      asOfficer('officer.kari.token', path, { form: { message: 'Melding fra Kari', sections: 'budget', version } }),
      asOfficer('officer.per.token', path, { form: { message: 'Melding fra Per', sections: 'project', version } }),
    ]);

    // Assess
    expect(answers.map((answer) => answer.status).sort()).toEqual([303, 409]);
    const loser = answers.find((answer) => answer.status === 409)!;
    const loserHtml = await loser.text();
    expect(loserHtml).toMatch(/Melding fra (Kari|Per)/);
    expect((await auditOf(applicationId)).filter((event) => event.action === 'return_to_applicant')).toHaveLength(1);
  });

  it('turns two resubmissions at once into one, with one receipt, and still lets a returned application be withdrawn', async () => {
    // Prepare
    const { applicationId, email } = await submitted();
    await asOfficer('officer.kari.token', `/officer/api/applications/${applicationId}/return`, { json: { message: 'Se over budsjettet.', sections: ['budget'] } });
    await flushOutbox(root.adapters, () => now);
    const mail = (await emailsTo(email)).find((each) => each.subject.startsWith('Kommunen ber om'))!;
    const { client, landing } = await follow(linkIn(mail));
    await client.get(`${landing}/review`);

    // Act
    const answers = await Promise.all([client.post(`${landing}/resubmit`, {}), client.post(`${landing}/resubmit`, {})]);
    await flushOutbox(root.adapters, () => now);

    // Assess
    expect(answers.map((answer) => answer.status).sort()).toEqual([303, 409]);
    expect((await auditOf(applicationId)).filter((event) => event.action === 'resubmit')).toHaveLength(1);
    expect((await emailsTo(email)).filter((each) => each.subject.includes('er sendt tilbake til kommunen'))).toHaveLength(1);

    // And: a second application, returned, is withdrawn by its applicant
    const second = await submitted();
    await asOfficer('officer.kari.token', `/officer/api/applications/${second.applicationId}/return`, { json: { message: 'Hva er målgruppen?', sections: ['project'] } });
    await second.client.get(second.applicationPath);
    const withdrawn = await second.client.post(`${second.applicationPath}/withdraw`, { confirm: 'yes' });
    expect(withdrawn.status).toBe(303);
    expect((await root.adapters.applications.get(tenantId, second.applicationId))?.status).toBe('withdrawn');
  });
});


import { expect } from 'vitest';
import type { ApplicantClient } from './applicant-client';

/** A demo organisation registered in Eidsvoll (3240), in Frivillighetsregisteret. */
export const eidsvollOrganisation = '311100386';

/** Valid answers for every section of a 2027 call. */
export const filledSections = {
  contact: { contactName: 'Kari Nordmann', email: '', phone: '912 34 567', accountNumber: '1234.56.78903' },
  project: {
    title: 'Leksehjelp og fotball',
    description: 'Vi samler barn og foreldre hver uke.',
    subGoals: ['A', 'B'],
    targetGroup: 'Barn 8–12 år og foreldrene deres',
    activities: 'Leksehjelp tirsdager, fotball lørdager',
    location: 'Eidsvoll bibliotek',
    startDate: '2027-02-01',
    endDate: '2027-11-30',
    expectedParticipants: '40',
    partners: '',
    volunteerHours: '300',
  },
  budget: {
    'costs.0.label': 'Leie av lokale',
    'costs.0.amount': '30 000',
    'costs.1.label': 'Mat',
    'costs.1.amount': '25000,-',
    'otherIncome.0.label': 'Sponsor',
    'otherIncome.0.amount': '5 000',
    ownContribution: '0',
    amountApplied: '50 000',
  },
  questions: { reach: 'Vi samarbeider med helsestasjonen og moskeen.' },
};

/** A minimal PDF: detected by content, so this is enough for the store. */
export const pdfBytes = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** Fills every section of a started application, uploads its statutes and opens the review. */
export async function fillEverything(client: ApplicantClient, applicationPath: string, email: string, sections: Partial<Record<keyof typeof filledSections, Record<string, string | string[]>>> = {}) {
  for (const [section, fields] of Object.entries({ ...filledSections, ...sections })) {
    await client.get(`${applicationPath}/${section}`);
    const response = await client.post(`${applicationPath}/${section}`, { ...fields, ...(section === 'contact' ? { email } : {}), intent: 'continue' });
    expect(response.status, `${section}: ${client.lastPage.match(/ds-validation-message[^>]*>([^<]+)/)?.[1]}`).toBe(303);
  }
  await upload(client, applicationPath, 'statutes', 'vedtekter.pdf');
  await client.get(`${applicationPath}/review`);
}

/** Uploads a small PDF as an attachment of `kind`. */
export async function upload(client: ApplicantClient, applicationPath: string, kind: string, filename: string) {
  await client.get(`${applicationPath}/attachments`);
  const form = new FormData();
  form.append('csrf', /name="csrf" value="([^"]+)"/.exec(client.lastPage)![1]!);
  form.append('version', /name="version" value="([^"]+)"/.exec(client.lastPage)![1]!);
  form.append('kind', kind);
  form.append('file', new File([pdfBytes], filename, { type: 'application/pdf' }));
  const uploaded = await client.request(`${applicationPath}/attachments`, { method: 'POST', body: form });
  expect(uploaded.status).toBe(303);
}


import type { Application } from '../../shared/applications/application';
import { budgetTotals } from '../../shared/applications/application';
import type { Call } from '../../shared/rounds/call';
import { formatDateTime } from '../../shared/kernel/deadlines';
import { formatKroner } from '../../shared/kernel/money';
import { textTranslator, translator } from '../i18n';
import { applicationText } from '../messages/application-form';

/** Subject and plain-text body of an email, in the applicant's language. */
export interface EmailContent {
  subject: string;
  text: string;
}

/** The email with a single-use link back to the application. */
export function linkEmail(application: Application, call: Call, links: { url: string; resumeUrl: string; hours: number }): EmailContent {
  const tx = textTranslator(applicationText, application.language);
  return {
    subject: tx('email.link.subject', { title: call.title[application.language] }),
    text: tx('email.link.body', {
      organisation: application.organisationName,
      call: call.title[application.language],
      url: links.url,
      resumeUrl: links.resumeUrl,
      hours: links.hours,
      administrator: call.administratorName,
    }),
  };
}

/** The receipt, with a copy of the answers (the applicant's own record of what was sent). */
export function receiptEmail(application: Application, call: Call, statusUrl: string): EmailContent {
  const lang = application.language;
  const tx = textTranslator(applicationText, lang);
  const t = translator(lang);
  const lines: string[] = [];
  const add = (label: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') lines.push(`${label}: ${value}`);
  };
  if (application.contact) {
    add(tx('field.contactName'), application.contact.contactName);
    add(tx('field.phone'), application.contact.phone);
  }
  const project = application.project;
  if (project) {
    add(tx('field.title'), project.title);
    add(tx('field.subGoals'), project.subGoals.map((code) => `${code}: ${t(`subGoal.${code}`)}`).join('; '));
    add(tx('field.description'), project.description);
    add(tx('field.targetGroup'), project.targetGroup);
    add(tx('field.activities'), project.activities);
    add(tx('field.location'), project.location);
    add(`${tx('field.startDate')} – ${tx('field.endDate')}`, `${project.startDate} – ${project.endDate}`);
    add(tx('field.expectedParticipants'), project.expectedParticipants);
    add(tx('field.partners'), project.partners);
    add(tx('field.volunteerHours'), project.volunteerHours);
  }
  const budget = application.budget;
  if (budget) {
    for (const line of budget.costs) add(`${tx('budget.costs')} – ${line.label}`, formatKroner(line.amount, lang));
    for (const line of budget.otherIncome) add(`${tx('budget.income')} – ${line.label}`, formatKroner(line.amount, lang));
    add(tx('budget.totalCosts'), formatKroner(budgetTotals(budget).totalCosts, lang));
    add(tx('field.ownContribution'), formatKroner(budget.ownContribution, lang));
    add(tx('field.amountApplied'), formatKroner(budget.amountApplied, lang));
  }
  for (const file of application.attachments) add(tx(`attachment.${file.kind}`), file.filename);
  for (const question of call.extraQuestions) add(question.label[lang], application.answers?.[question.id]);
  return {
    subject: tx('email.receipt.subject', { reference: application.reference }),
    text: tx('email.receipt.body', {
      organisation: application.organisationName,
      call: call.title[lang],
      submittedAt: application.submittedAt ? formatDateTime(application.submittedAt, lang) : '',
      reference: application.reference,
      statusUrl,
      answers: lines.join('\n'),
      administrator: call.administratorName,
    }),
  };
}

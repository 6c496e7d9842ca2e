/**
 * What stops an application from being submitted, section by section, in the applicant's words.
 */
import type { Call } from '../rounds/call';
import type { LocalizedText } from '../kernel/i18n';
import { formatKroner } from '../kernel/money';
import type { RuleSet } from '../rules/rule-set';
import { auditEvidenceKinds, type Application } from './application';
import type { SectionName } from './section-schemas';

/** A section that must be completed before submission, with its message. */
export interface SubmissionProblem {
  section: SectionName;
  messages: LocalizedText;
}

/**
 * What stops the application from being submitted: each missing section, and required
 * attachments. Statutes are always required; at and above the rule set's audit threshold, audited
 * accounts or an auditor's confirmation are too. `rules` are the round's (`rulesOfRound`), never the
 * year's code default: a round created under a later version has that version's threshold.
 */
export function submissionProblems(
  application: Application,
  call: Pick<Call, 'extraQuestions'>,
  rules: Pick<RuleSet, 'auditThreshold'>,
): SubmissionProblem[] {
  const problems: SubmissionProblem[] = [];
  const missing = (section: SectionName, nb: string, nn: string, en: string) => problems.push({ section, messages: { nb, nn, en } });
  if (!application.contact) missing('contact', 'Kontaktperson og kontonummer mangler.', 'Kontaktperson og kontonummer manglar.', 'The contact person and account number are missing.');
  if (!application.project?.startDate || !application.project.endDate) missing('project', 'Beskrivelsen av prosjektet mangler.', 'Skildringa av prosjektet manglar.', 'The project description is missing.');
  if (!application.budget) missing('budget', 'Budsjettet mangler.', 'Budsjettet manglar.', 'The budget is missing.');
  if (!application.attachments.some((file) => file.kind === 'statutes')) {
    missing('attachments', 'Last opp vedtektene til organisasjonen.', 'Last opp vedtektene til organisasjonen.', "Upload the organisation's statutes.");
  }
  const threshold = rules.auditThreshold;
  const auditable = application.budget !== undefined && application.budget.amountApplied >= threshold;
  if (auditable && !application.attachments.some((file) => (auditEvidenceKinds as readonly string[]).includes(file.kind))) {
    missing(
      'attachments',
      `Dere søker om ${formatKroner(threshold, 'nb')} eller mer. Last opp regnskap bekreftet av revisor, eller en bekreftelse fra revisor.`,
      `De søkjer om ${formatKroner(threshold, 'nn')} eller meir. Last opp rekneskap stadfesta av revisor, eller ei stadfesting frå revisor.`,
      `You are applying for ${formatKroner(threshold, 'en')} or more. Upload accounts confirmed by an auditor, or a confirmation from an auditor.`,
    );
  }
  const requiredQuestions = call.extraQuestions.filter((question) => question.required);
  if (requiredQuestions.some((question) => !application.answers?.[question.id])) {
    missing('questions', 'Noen av spørsmålene i utlysningen er ikke besvart.', 'Nokre av spørsmåla i utlysinga er ikkje svara på.', 'Some of the questions in the call are not answered.');
  }
  return problems;
}

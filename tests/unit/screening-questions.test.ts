/** The project section's screening questions: read from the form, given back, and passed to the rules. */
import { describe, expect, it } from 'vitest';
import { projectFormValues, projectSectionSchema } from '../../shared/applications/application';
import { applicationFacts } from '../../shared/applications/screening';
import { issueMessage } from '../../shared/kernel/i18n';
import { kroner } from '../../shared/kernel/money';
import type { z } from 'zod';

const call = { subGoals: ['A', 'D'] as ('A' | 'D')[], grantYear: 2027 };
const valid = {
  title: 'Leksehjelp', description: 'Beskrivelse', subGoals: ['D'], targetGroup: 'Barn', activities: 'Leksehjelp', location: 'Biblioteket',
  startDate: '2027-02-01', endDate: '2027-11-30', expectedParticipants: '40', partners: '', volunteerHours: '300',
};
const messagesOf = (error: z.ZodError | undefined, field: string, lang: 'nb' | 'en' = 'nb') =>
  (error?.issues ?? []).filter((issue) => issue.path.join('.') === field).map((issue) => issueMessage(issue, lang));

describe('the screening questions of the project section', () => {
  it('reads yes, no and unanswered, and the municipalities, and gives them back as form values', () => {
    // Act
    const project = projectSectionSchema(call).parse({
      ...valid, otherStateOperatingGrant: 'yes', norwegianLanguageTraining: 'no', aimedAtPublicSector: '', outsideNorway: 'no', activeMunicipalities: '3240, 3242 3205,3240',
    });

    // Assess
    expect(project).toMatchObject({ otherStateOperatingGrant: true, norwegianLanguageTraining: false, outsideNorway: false, activeMunicipalities: ['3240', '3242', '3205'] });
    expect(project.aimedAtPublicSector).toBeUndefined();
    expect(projectFormValues(project)).toMatchObject({ otherStateOperatingGrant: 'yes', norwegianLanguageTraining: 'no', aimedAtPublicSector: '', activeMunicipalities: '3240, 3242, 3205' });
  });

  it('refuses an answer that is neither yes nor no, and a number that is not a municipality that year, by the field', () => {
    // Act
    const parsed = projectSectionSchema(call).safeParse({ ...valid, outsideNorway: 'maybe', activeMunicipalities: '3240, 9999' });

    // Assess
    expect(messagesOf(parsed.error, 'outsideNorway')).toEqual(['Svar ja eller nei.']);
    expect(messagesOf(parsed.error, 'activeMunicipalities', 'en')[0]).toContain('9999 is not a municipality number in 2027');
  });

  it('passes the answers to the eligibility rules', () => {
    // Prepare
    const project = projectSectionSchema(call).parse({ ...valid, otherStateOperatingGrant: 'yes', norwegianLanguageTraining: 'yes', activeMunicipalities: '3240' });

    // Act
    const facts = applicationFacts(project, { costs: [], otherIncome: [], ownContribution: kroner(0), amountApplied: kroner(50_000) });

    // Assess
    expect(facts).toMatchObject({ hasOtherStateOperatingGrant: true, excludedActivities: { norwegianLanguageTraining: true }, activeMunicipalities: ['3240'], isOperatingGrant: true });
  });
});

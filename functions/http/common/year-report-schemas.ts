import { z } from '@hono/zod-openapi';
import { applicationStatuses } from '../../../shared/applications/lifecycle';
import { subGoalCodes } from '../../../shared/rules/sub-goals';

/** The year report's figures and measures in the OpenAPI documents, shared by the officer's and IMDi's API. */
const count = z.int().min(0);
const kroner = z.int().min(0).meta({ description: 'Whole kroner.' });

/** The figures of a report, exactly as `shared/year-reports/figures.ts` computes them. */
export const yearReportFiguresSchema = z
  .object({
    grantYear: z.int(), frame: kroner, carriedOver: kroner, adminCap: kroner,
    adminCostUsed: kroner.meta({ description: 'The admin reservation: what was used of the frame for administration.' }),
    adminWithinCap: z.boolean(), applicationsReceived: count, decisions: count,
    grants: count.meta({ description: 'Decisions granting money, in full or in part, whatever the organisation answered.' }),
    awarded: kroner, organisationsGranted: count,
    firstTimeOrganisationsGranted: count.meta({ description: 'Granted organisations with no received application in an earlier year.' }),
    bySubGoal: z.array(z.object({ subGoal: z.enum(subGoalCodes), grants: count, awarded: kroner })).meta({ description: 'A grant naming two sub-goals counts, with its whole amount, under both.' }),
    plannedParticipants: count, plannedVolunteerHours: count, paid: kroner, returned: kroner, carriedForward: kroner, returnedToImdi: kroner,
    grantsAccepted: count, grantsDeclined: count, grantsLapsed: count,
    reports: z.object({
      approved: count, outstanding: count, participantsReached: count, firstTimeParticipants: count, volunteerHours: count, amountSpent: kroner, amountUnspent: kroner,
    }).meta({ description: 'Final reports: approved (approved, closed) and outstanding (accepted, paid, reported), and the results of the approved ones summed (participants reached, first-time participants, volunteer hours, kroner spent and unspent).' }),
  })
  .meta({ id: 'YearReportFigures' });

/** One granted measure; no personal data. */
export const measureSchema = z
  .object({
    reference: z.string(), orgnr: z.string(), organisationName: z.string(), title: z.string(),
    subGoals: z.array(z.enum(subGoalCodes)), awarded: kroner, status: z.enum(applicationStatuses),
  })
  .meta({ id: 'YearReportMeasure' });


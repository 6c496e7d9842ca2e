import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { ulid } from 'ulid';
import { roles } from '../../../../shared/officers/permissions';
import { textTranslator } from '../../../../web/i18n';
import { staffText } from '../../../../web/messages/staff';
import { OfficerStaffPage, staffPath } from '../../../../web/pages/officer-staff-page';
import { principalOf } from '../../common/authentication';
import { problemResponse } from '../../common/openapi-problem';
import { problem } from '../../common/problem';
import { signedInPage } from '../../common/signed-in-app';
import { validationProblem } from '../../common/validation-problem';
import type { OfficerEnv } from '../officer-data';
import { requirePermission } from '../permissions';

/** A user id as the identity provider issues it (the token's opaque subject). */
const userIdSchema = z.string().min(1).max(200).regex(/^[\w.@:|+-]+$/);

const staffMemberSchema = z
  .object({
    userId: z.string(),
    name: z.string().optional(),
    roles: z.array(z.enum(roles)).meta({ description: 'The roles the latest sign-in carried; given in the identity provider, not here.' }),
    lastSeenAt: z.iso.datetime(),
  })
  .meta({ id: 'StaffMember' });

const security = [{ bearerAuth: [] }];

const listStaffRoute = createRoute({
  method: 'get',
  path: '/officer/api/staff',
  summary: 'List the municipality’s staff directory: everyone who has signed in, with their roles and when they were last seen',
  security,
  responses: {
    200: { description: 'The directory, by name.', content: { 'application/json': { schema: z.object({ staff: z.array(staffMemberSchema) }) } } },
    401: problemResponse('No valid token.'),
    403: problemResponse('The token does not give staff.manage.'),
  },
});

const removeStaffRoute = createRoute({
  method: 'delete',
  path: '/officer/api/staff/{userId}',
  summary: 'Remove someone who has left from the staff directory, so they can no longer be picked as caseworker or assessor',
  security,
  request: { params: z.object({ userId: userIdSchema }) },
  responses: {
    204: { description: 'Removed; an audit event names who removed whom.' },
    401: problemResponse('No valid token.'),
    403: problemResponse('The token does not give staff.manage.'),
    404: problemResponse('The user is not in the directory.'),
    422: problemResponse('The signed-in user cannot remove themselves.'),
  },
});

/** Why a removal was refused, or nothing when it went through. */
async function removeStaffMember(c: Context<OfficerEnv>, userId: string): Promise<'self' | 'not_found' | undefined> {
  const { tenantId, userId: actor } = principalOf(c);
  if (userId === actor) return 'self';
  const removed = await c.var.data.staff.remove(tenantId, userId, { eventId: ulid(), at: new Date().toISOString(), actor: `officer:${actor}` });
  return removed ? undefined : 'not_found';
}

/**
 * The staff directory for the municipality's admin (`staff.manage`), as a page and in the JSON
 * API: who has signed in with which roles, and the removal of someone who has left. Roles are the
 * identity provider's; the page says so, and nothing here grants or takes away a role.
 */
export function staffRoutes() {
  const app = new OpenAPIHono<OfficerEnv>({ defaultHook: validationProblem() });
  const manage = requirePermission('staff.manage');

  const show = async (c: Context<OfficerEnv>, status: 200 | 404 | 422, notice: { removed?: boolean; formError?: string } = {}) => {
    const { tenantId, userId } = principalOf(c);
    const tenantName = (await c.var.data.tenants.getProfile(tenantId))?.name ?? tenantId;
    const page = await signedInPage(c, 'officer', async () => tenantName);
    const staff = await c.var.data.staff.list(tenantId);
    return c.html(<OfficerStaffPage page={page} tenantName={tenantName} staff={staff} currentUserId={userId} {...notice} />, status);
  };

  app.get(staffPath, manage, (c) => show(c, 200, { removed: c.req.query('removed') === '1' }));

  app.post(`${staffPath}/:userId/removal`, manage, async (c) => {
    const tr = textTranslator(staffText, c.var.lang);
    const userId = userIdSchema.safeParse(c.req.param('userId'));
    const refused = userId.success ? await removeStaffMember(c, userId.data) : 'not_found';
    if (refused === 'self') return show(c, 422, { formError: tr('staff.notYourself') });
    if (refused === 'not_found') return show(c, 404, { formError: tr('staff.notFound') });
    return c.redirect(`${staffPath}?removed=1`, 303);
  });

  app.use('/officer/api/staff', manage);
  app.use('/officer/api/staff/*', manage);

  app.openapi(listStaffRoute, async (c) => {
    const staff = await c.var.data.staff.list(principalOf(c).tenantId);
    return c.json({ staff: staff.map((member) => ({ ...member, roles: [...member.roles] })) }, 200);
  });

  app.openapi(removeStaffRoute, async (c) => {
    const tr = textTranslator(staffText, c.var.lang);
    const refused = await removeStaffMember(c as unknown as Context<OfficerEnv>, c.req.valid('param').userId);
    if (refused === 'self') return problem(c, 422, { title: tr('staff.notYourself') }) as never;
    if (refused === 'not_found') return problem(c, 404, { title: tr('staff.notFound') }) as never;
    return c.body(null, 204);
  });

  return app;
}

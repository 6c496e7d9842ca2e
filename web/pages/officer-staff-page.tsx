import { formatDate } from '../../shared/kernel/deadlines';
import type { StaffMember } from '../../shared/officers/staff';
import { DataTable } from '../components/data-table';
import { Alert } from '../components/form-fields';
import { textTranslator } from '../i18n';
import { Layout, type PageContext } from '../layout';
import { staffText } from '../messages/staff';

/** Where the municipal admin sees the staff directory. */
export const staffPath = '/officer/staff';

/** The form that takes one person out of the directory. */
export const staffRemovalPath = (userId: string) => `${staffPath}/${encodeURIComponent(userId)}/removal`;

/**
 * The municipality's staff directory for its admin: everyone who has signed in, with the roles
 * their latest sign-in carried and when that was, and a button to take a leaver out of the list.
 * Roles are not edited here: they come from the municipality's identity provider, and the page
 * says where to change them.
 */
export function OfficerStaffPage(props: {
  page: PageContext;
  tenantName: string;
  staff: readonly StaffMember[];
  /** The signed-in admin, who is shown but cannot remove themselves. */
  currentUserId: string;
  /** Just back from removing someone: the page confirms it. */
  removed?: boolean;
  formError?: string;
}) {
  const { page, staff } = props;
  const tr = textTranslator(staffText, page.lang);
  return (
    <Layout page={page} title={tr('staff.title')}>
      <p class="ds-paragraph">
        <a class="ds-link" href="/officer">
          {page.t('officer.round.back')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="xl">
        {tr('staff.title')}
      </h1>
      <p class="ds-paragraph">{tr('staff.lead')}</p>
      <Alert color="info">
        <p class="ds-paragraph">{tr('staff.whereRoles')}</p>
      </Alert>
      {props.removed ? (
        <Alert color="success">
          <p class="ds-paragraph">{tr('staff.removed')}</p>
        </Alert>
      ) : null}
      {props.formError ? (
        <Alert color="danger">
          <p class="ds-paragraph">{props.formError}</p>
        </Alert>
      ) : null}
      {staff.length === 0 ? (
        <p class="ds-paragraph">{tr('staff.none')}</p>
      ) : (
        <>
          <p class="ds-paragraph" id="staff-remove-hint">
            {tr('staff.removeHint')}
          </p>
          <DataTable
            caption={tr('staff.caption', { tenant: props.tenantName })}
            class="staff-table"
            rows={staff}
            columns={[
              { header: tr('staff.name'), cell: (member) => (member.userId === props.currentUserId ? `${member.name ?? member.userId} ${tr('staff.you')}` : (member.name ?? member.userId)) },
              { header: tr('staff.roles'), cell: (member) => member.roles.map((role) => tr(`role.${role}`)).join(', ') },
              { header: tr('staff.lastSeen'), cell: (member) => formatDate(member.lastSeenAt, page.lang) },
              {
                header: tr('staff.action'),
                cell: (member) =>
                  member.userId === props.currentUserId ? null : (
                    <form method="post" action={staffRemovalPath(member.userId)}>
                      <button type="submit" class="ds-button" data-variant="secondary" data-size="sm" aria-describedby="staff-remove-hint">
                        {tr('staff.remove', { name: member.name ?? member.userId })}
                      </button>
                    </form>
                  ),
              },
            ]}
          />
        </>
      )}
    </Layout>
  );
}

import { osloDateOf } from '../../shared/kernel/deadlines';
import type { Translate } from '../i18n';
import type { WorkspaceSection } from '../layout';

/**
 * The national workspace's sections. The year pages lead to the current grant year (Oslo time), and
 * the year close and the year reports to the year before it, which IMDi closes and receives during this year.
 */
export function nationalSections(t: Translate, now: Date): WorkspaceSection[] {
  const year = Number(osloDateOf(now).slice(0, 4));
  return [
    { href: '/national', label: t('national.nav.overview') },
    { href: `/national/dashboard/${year}`, label: t('national.nav.dashboard') },
    { href: `/national/register?year=${year}`, label: t('national.nav.register') },
    { href: `/national/years/${year}/rules`, label: t('national.nav.rules') },
    { href: `/national/years/${year}`, label: t('national.nav.allocation') },
    { href: `/national/years/${year - 1}/close`, label: t('national.nav.close') },
    // The municipalities report on a year early in the next, so the list leads to last year's reports.
    { href: `/national/year-reports/${year - 1}`, label: t('national.nav.yearReports') },
    { href: '/national/audit', label: t('national.nav.audit') },
  ];
}

import type { Application } from '../../shared/applications/application';
import type { EligibilityFinding } from '../../shared/rules/eligibility';
import { textTranslator, type Language } from '../i18n';
import { caseText, type CaseTextKey } from '../messages/case';
import { DataTable } from './data-table';
import { Alert } from './form-fields';
import { Section } from './section';

/**
 * Screening: the registry check (with a button to ask Enhetsregisteret again, for those who may
 * screen) and every eligibility finding with the rule it comes from and whether it blocks.
 */
export function CaseScreening(props: {
  lang: Language;
  application: Application;
  findings: readonly EligibilityFinding[];
  checkedAtOslo: string;
  recheckAction?: string;
  rechecked?: boolean;
}) {
  const { lang, application, findings } = props;
  const tr = textTranslator(caseText, lang);
  const check = application.registryCheck;
  return (
    <Section id="case-screening" heading={tr('case.findings')}>
      <h3 class="ds-heading" data-size="sm">
        {tr('case.registry')}
      </h3>
      {props.rechecked ? (
        <Alert color="success">
          <p class="ds-paragraph">{tr('case.registry.rerunDone')}</p>
        </Alert>
      ) : null}
      <p class="ds-paragraph">
        <span class="ds-tag" data-color={check.status === 'verified' ? 'success' : 'warning'}>
          {tr(`registry.${check.status}` as CaseTextKey)}
        </span>{' '}
        {tr(`case.registry.${check.status}` as CaseTextKey, { at: props.checkedAtOslo })}
      </p>
      {props.recheckAction ? (
        <form method="post" action={props.recheckAction}>
          <button type="submit" class="ds-button" data-variant="secondary">
            {tr('case.registry.rerun')}
          </button>
        </form>
      ) : null}
      {findings.length === 0 ? (
        <p class="ds-paragraph">{tr('case.findings.none')}</p>
      ) : (
        <DataTable
          caption={tr('case.findings')}
          captionHidden
          size="sm"
          rows={findings}
          columns={[
            { header: tr('case.finding'), cell: (finding) => finding.messages[lang] },
            {
              header: tr('case.finding.severity'),
              cell: (finding) => (
                <span class="ds-tag" data-color={finding.severity === 'blocking' ? 'danger' : 'warning'}>
                  {tr(finding.severity === 'blocking' ? 'case.finding.blocking' : 'case.finding.warning')}
                </span>
              ),
            },
            {
              header: tr('case.finding.rule'),
              cell: (finding) => (
                <>
                  <code>{finding.rule}</code>
                  <br />
                  <span class="ds-paragraph" data-size="sm">
                    {finding.legalBasis}
                  </span>
                </>
              ),
            },
          ]}
        />
      )}
    </Section>
  );
}

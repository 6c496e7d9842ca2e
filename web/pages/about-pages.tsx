import { Layout, type PageContext } from '../layout';
import { textTranslator } from '../i18n';
import { aboutText } from '../messages/about';

/**
 * The accessibility statement (required of Norwegian public-sector sites) and the privacy page:
 * what is stored about applicants, why, and for how long.
 */
export function AboutPage(props: { page: PageContext; kind: 'accessibility' | 'privacy' }) {
  const tx = textTranslator(aboutText, props.page.lang);
  const sections =
    props.kind === 'accessibility'
      ? (['a11y.standard', 'a11y.status', 'a11y.how', 'a11y.feedback'] as const)
      : (['privacy.who', 'privacy.what', 'privacy.why', 'privacy.howLong', 'privacy.rights'] as const);
  const title = tx(props.kind === 'accessibility' ? 'a11y.title' : 'privacy.title');
  return (
    <Layout page={props.page} title={title}>
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      {sections.map((key) => (
        <section class="stack" aria-labelledby={`heading-${key.replace('.', '-')}`}>
          <h2 id={`heading-${key.replace('.', '-')}`} class="ds-heading" data-size="sm">
            {tx(`${key}.heading`)}
          </h2>
          {tx(`${key}.text`)
            .split('\n\n')
            .map((paragraph) => (
              <p class="ds-paragraph" data-variant="long">
                {paragraph}
              </p>
            ))}
        </section>
      ))}
    </Layout>
  );
}

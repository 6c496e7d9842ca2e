import type { DecisionLetter } from '../emails/decision-letter';

/**
 * The decision letter as a page section: the same parts as the email, in the letter's language
 * (marked with `lang`, so a screen reader reads an English letter on a Norwegian page in English).
 */
export function DecisionLetterView(props: { letter: DecisionLetter }) {
  const { letter } = props;
  return (
    <article class="decision-letter stack" lang={letter.lang} aria-labelledby="letter-title">
      <h1 id="letter-title" class="ds-heading" data-size="lg">
        {letter.title}
      </h1>
      <dl class="decision-letter__header">
        {letter.header.map(({ label, value }) => (
          <>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </>
        ))}
      </dl>
      {letter.sections.map((section) => (
        <section aria-labelledby={`letter-${section.id}`} id={`letter-section-${section.id}`}>
          <h2 id={`letter-${section.id}`} class="ds-heading" data-size="sm">
            {section.heading}
          </h2>
          {section.paragraphs.map((paragraph) => (
            <p class="ds-paragraph">{paragraph}</p>
          ))}
          {section.points ? (
            <ul class="ds-list">
              {section.points.map((point) => (
                <li>{point}</li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
      <footer class="stack">
        {letter.signature.map((line) => (
          <p class="ds-paragraph">{line}</p>
        ))}
      </footer>
    </article>
  );
}

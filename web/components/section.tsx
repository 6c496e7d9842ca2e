import type { Child } from 'hono/jsx';

/** A page section named by its own heading, so assistive technology lists it as a region. */
export function Section(props: { id: string; heading: string; children?: Child }) {
  const headingId = `${props.id}-heading`;
  return (
    <section aria-labelledby={headingId} class="stack">
      <h2 id={headingId} class="ds-heading" data-size="md">
        {props.heading}
      </h2>
      {props.children}
    </section>
  );
}

import { Layout, type PageContext } from '../layout';

/** One demo user the local identity provider can sign in as. */
export interface LocalUserChoice {
  sub: string;
  /** Shown on the button, e.g. "Saksbehandler i Eidsvoll kommune". */
  label: string;
  group: 'officers' | 'national';
}

/**
 * The local identity provider's sign-in page: a list of demo users, each a button in a plain form
 * that posts the authorisation request back, so it works without JavaScript. Used only on one
 * machine; in AWS, Cognito's managed login takes its place.
 */
export function LocalSignInPage(props: {
  page: PageContext;
  action: string;
  request: Record<string, string>;
  users: LocalUserChoice[];
}) {
  const { page, action, request, users } = props;
  const { t } = page;
  const section = (group: LocalUserChoice['group'], headingKey: 'localIdp.officers' | 'localIdp.national') => {
    const members = users.filter((user) => user.group === group);
    if (members.length === 0) return null;
    return (
      <section aria-labelledby={`users-${group}`} class="stack">
        <h2 id={`users-${group}`} class="ds-heading" data-size="md">
          {t(headingKey)}
        </h2>
        <ul class="user-list">
          {members.map((user) => (
            <li>
              <form method="post" action={action}>
                {Object.entries(request).map(([name, value]) => (
                  <input type="hidden" name={name} value={value} />
                ))}
                <input type="hidden" name="sub" value={user.sub} />
                <button type="submit" class="ds-button" data-variant="secondary">
                  {t('localIdp.signInAs', { name: user.label })}
                </button>
              </form>
            </li>
          ))}
        </ul>
      </section>
    );
  };
  return (
    <Layout page={page} title={t('localIdp.title')}>
      <h1 class="ds-heading" data-size="xl">
        {t('localIdp.title')}
      </h1>
      <div class="ds-alert" data-color="warning">
        <p class="ds-paragraph">{t('localIdp.warning')}</p>
      </div>
      <p class="ds-paragraph">{t('localIdp.lead')}</p>
      {users.length === 0 ? <p class="ds-paragraph">{t('localIdp.none')}</p> : null}
      {section('national', 'localIdp.national')}
      {section('officers', 'localIdp.officers')}
    </Layout>
  );
}

import { useEffect, useMemo, useState } from 'react';
import { parseLanguage, type Language } from '../domain/language.ts';
import { currentSession, signOut, type ConsoleSession } from './api/report-client.ts';
import { ChartPatterns } from './charts/chart-patterns.tsx';
import { ConsoleContext } from './console-context.ts';
import { CourseNav } from './course-nav.tsx';
import { CONSOLE_MESSAGES } from './i18n/console-messages.ts';
import { CourseOverviewPage } from './overview/course-overview.tsx';
import { ParticipantView } from './participant/participant-view.tsx';
import { ParticipantTable } from './participants/participant-table.tsx';
import { useConsoleRoute } from './routing/use-console-route.ts';
import { SignInForm } from './sign-in/sign-in-form.tsx';

type SessionState =
  { state: 'checking' } | { state: 'signed-out' } | { state: 'signed-in'; session: ConsoleSession };

/** The provider console: sign-in, then one course's overview, participants, or participant. */
export function ConsoleApp() {
  const [language, setLanguage] = useState<Language>(
    () => parseLanguage(new URLSearchParams(window.location.search).get('lang')) ?? 'id',
  );
  const [session, setSession] = useState<SessionState>({ state: 'checking' });
  const { route, navigate } = useConsoleRoute();
  const t = CONSOLE_MESSAGES[language];
  useEffect(() => {
    currentSession().then(
      (found) => setSession({ state: 'signed-in', session: found }),
      () => setSession({ state: 'signed-out' }),
    );
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = `${t.title} · Runtut`;
  }, [language, t.title]);
  const courses = useMemo(
    () => (session.state === 'signed-in' ? session.session.courses : []),
    [session],
  );
  const firstCourse = courses[0]?.id;
  useEffect(() => {
    if (route.page === 'home' && firstCourse)
      navigate({ page: 'overview', courseId: firstCourse }, 'replace');
  }, [route.page, firstCourse, navigate]);

  const switchLanguage = () => {
    const next: Language = language === 'id' ? 'en' : 'id';
    const url = new URL(window.location.href);
    url.searchParams.set('lang', next);
    window.history.replaceState(null, '', url);
    setLanguage(next);
  };
  const leave = async () => {
    await signOut();
    setSession({ state: 'signed-out' });
    navigate({ page: 'home' });
  };
  return (
    <ConsoleContext.Provider value={{ language, t, navigate, courses }}>
      <ChartPatterns />
      <a className="skip-link" href="#console-main">
        {t.skipToMain}
      </a>
      <header className="console-header">
        <h1>
          Runtut · {t.title}
          {session.state === 'signed-in' && (
            <span className="provider-name">{session.session.provider.name}</span>
          )}
        </h1>
        <div className="header-actions">
          <button
            type="button"
            onClick={switchLanguage}
            aria-label={t.languageSwitchLabel}
            lang={language === 'id' ? 'en' : 'id'}
          >
            {t.languageSwitch}
          </button>
          {session.state === 'signed-in' && (
            <button type="button" onClick={() => void leave()} data-action="sign-out">
              {t.signOut}
            </button>
          )}
        </div>
      </header>
      <main id="console-main" tabIndex={-1}>
        {session.state === 'checking' && <p role="status">{t.loading}</p>}
        {session.state === 'signed-out' && (
          <SignInForm onSignedIn={(found) => setSession({ state: 'signed-in', session: found })} />
        )}
        {session.state === 'signed-in' && route.page !== 'home' && (
          <>
            <CourseNav route={route} />
            {route.page === 'overview' && <CourseOverviewPage courseId={route.courseId} />}
            {route.page === 'participants' && (
              <ParticipantTable key={route.courseId} courseId={route.courseId} />
            )}
            {route.page === 'participant' && (
              <ParticipantView courseId={route.courseId} participantId={route.participantId} />
            )}
          </>
        )}
      </main>
    </ConsoleContext.Provider>
  );
}

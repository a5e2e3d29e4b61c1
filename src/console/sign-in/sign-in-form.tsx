import { useState, type FormEvent } from 'react';
import { ApiFailure, signIn, type ConsoleSession } from '../api/report-client.ts';
import { useConsole } from '../console-context.ts';

/** The report key goes to the server once; what comes back is an HttpOnly cookie. */
export function SignInForm({ onSignedIn }: { onSignedIn: (session: ConsoleSession) => void }) {
  const { t } = useConsole();
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn(key));
    } catch (failure) {
      setError(
        failure instanceof ApiFailure && failure.status === 429
          ? t.tooManyAttempts(failure.retryAfter)
          : failure instanceof ApiFailure && failure.status === 401
            ? t.wrongKey
            : t.loadFailed,
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="panel sign-in" data-console-page="sign-in" onSubmit={submit}>
      <h2>{t.signInHeading}</h2>
      <p className="hint">{t.signInIntro}</p>
      <label htmlFor="report-key">{t.keyLabel}</label>
      <input
        id="report-key"
        name="key"
        type="password"
        autoComplete="current-password"
        required
        value={key}
        onChange={(event) => setKey(event.target.value)}
        aria-describedby={error ? 'sign-in-error' : undefined}
      />
      <button type="submit" disabled={busy}>
        {busy ? t.signingIn : t.signIn}
      </button>
      {error && (
        <p id="sign-in-error" role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}

import type { Loaded } from './api/use-load.ts';
import { useConsole } from './console-context.ts';

/** What a page shows while its data loads, or when it could not. */
export function LoadState({ loaded }: { loaded: Loaded<unknown> }) {
  const { t } = useConsole();
  if (loaded.state === 'failed')
    return (
      <p role="alert" className="error">
        {t.loadFailed}
      </p>
    );
  return (
    <p role="status" className="hint">
      {t.loading}
    </p>
  );
}

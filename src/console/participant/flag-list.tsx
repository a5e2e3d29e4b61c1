import { explainFlag } from '../../domain/flag-explanations.ts';
import { useConsole } from '../console-context.ts';

/** Flags by name, each with what the server did not credit and why. */
export function FlagList({ flags }: { flags: readonly string[] }) {
  const { language } = useConsole();
  return (
    <ul className="flag-list">
      {flags.map((flag) => (
        <li key={flag} data-flag={flag}>
          <code>{flag}</code>: {explainFlag(flag, language)}
        </li>
      ))}
    </ul>
  );
}

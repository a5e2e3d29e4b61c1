import { explainFlag } from '../../domain/flag-explanations.ts';
import { useConsole } from '../console-context.ts';
import { ExportLinks } from '../export/export-links.tsx';
import { formatNumber } from '../i18n/console-format.ts';

/** Flagged events by kind, with what each kind means. */
export function FlagTable({
  flags,
  path,
  courseId,
}: {
  flags: { flag: string; events: number }[];
  path: string;
  courseId: string;
}) {
  const { t, language } = useConsole();
  return (
    <section aria-labelledby="flags-heading" className="panel">
      <h2 id="flags-heading">{t.flagsHeading}</h2>
      <div className="table-scroll">
        <table className="flags">
          <thead>
            <tr>
              <th scope="col">{t.flag}</th>
              <th scope="col">{t.events}</th>
              <th scope="col">{t.meaning}</th>
            </tr>
          </thead>
          <tbody>
            {flags.map(({ flag, events }) => (
              <tr key={flag} data-flag={flag} data-events={events}>
                <th scope="row">
                  <code>{flag}</code>
                </th>
                <td className="number">{formatNumber(events, language)}</td>
                <td>{explainFlag(flag, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ExportLinks what={t.flagsHeading} path={path} name={`${courseId}-flags`} />
    </section>
  );
}

import { useConsole } from '../console-context.ts';

/**
 * CSV and JSON of a table exactly as shown: the same report API call the table made (filters,
 * sort and page included), downloaded by the browser with the session cookie.
 */
export function ExportLinks({ what, path, name }: { what: string; path: string; name: string }) {
  const { t } = useConsole();
  const withFormat = (format: 'csv' | 'json') =>
    `${path}${path.includes('?') ? '&' : '?'}format=${format}`;
  return (
    <p className="export" role="group" aria-label={t.exportOf(what)}>
      <a href={withFormat('csv')} download={`${name}.csv`} data-export="csv">
        {t.exportCsv}
      </a>
      <a href={withFormat('json')} download={`${name}.json`} data-export="json">
        {t.exportJson}
      </a>
    </p>
  );
}

import { useState, type FormEvent } from 'react';
import { loadParticipants, participantsPath, type ParticipantQuery } from '../api/report-client.ts';
import { useLoad } from '../api/use-load.ts';
import { useConsole } from '../console-context.ts';
import { ExportLinks } from '../export/export-links.tsx';
import { formatNumber, formatPercent } from '../i18n/console-format.ts';
import { LoadState } from '../load-state.tsx';

type Sort = `${ParticipantQuery['sort']}:${ParticipantQuery['order']}`;
const SORTS: Sort[] = ['activity:desc', 'activity:asc', 'progress:desc', 'progress:asc'];

/** Participants, searchable by id prefix and sortable, a page at a time (keyset cursors). */
export function ParticipantTable({ courseId }: { courseId: string }) {
  const { t, language, navigate } = useConsole();
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState<ParticipantQuery>({
    sort: 'activity',
    order: 'desc',
    q: '',
    cursor: null,
  });
  const [previous, setPrevious] = useState<(string | null)[]>([]);
  const loaded = useLoad(`participants:${courseId}:${JSON.stringify(query)}`, () =>
    loadParticipants(courseId, query),
  );
  const restart = (change: Partial<ParticipantQuery>) => {
    setPrevious([]);
    setQuery({ ...query, ...change, cursor: null });
  };
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    restart({ q: draft.trim() });
  };
  const sortName = (sort: Sort) => {
    const [by, order] = sort.split(':');
    return `${by === 'activity' ? t.sortActivity : t.sortProgress}, ${order === 'desc' ? t.orderDesc : t.orderAsc}`;
  };
  return (
    <div data-console-page="participants">
      <form className="toolbar" role="search" onSubmit={onSearch}>
        <label>
          {t.searchLabel}
          <input
            type="search"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            name="q"
            autoComplete="off"
          />
        </label>
        <button type="submit">{t.search}</button>
        <label>
          {t.sortLabel}
          <select
            value={`${query.sort}:${query.order}`}
            onChange={(event) => {
              const [sort, order] = event.target.value.split(':') as [
                ParticipantQuery['sort'],
                ParticipantQuery['order'],
              ];
              restart({ sort, order });
            }}
          >
            {SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {sortName(sort)}
              </option>
            ))}
          </select>
        </label>
      </form>
      {loaded.state !== 'ready' ? (
        <LoadState loaded={loaded} />
      ) : (
        <>
          <p className="hint" role="status" data-matches={loaded.data.matches}>
            {t.matches(loaded.data.matches, loaded.data.matchesCapped)} ·{' '}
            {t.pageOf(previous.length + 1)}
          </p>
          <div className="table-scroll">
            <table className="participants">
              <caption className="visually-hidden">
                {t.navParticipants}: {sortName(`${query.sort}:${query.order}`)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t.participantId}</th>
                  <th scope="col">{t.lessonsCompleted}</th>
                  <th scope="col">{t.watchedShare}</th>
                  <th scope="col">{t.lastActivity}</th>
                  <th scope="col">{t.flags}</th>
                </tr>
              </thead>
              <tbody>
                {loaded.data.participants.map((row) => (
                  <tr key={row.participantId} data-participant-id={row.participantId}>
                    <th scope="row">
                      <a
                        href={`/console/c/${encodeURIComponent(courseId)}/p/${encodeURIComponent(row.participantId)}${window.location.search}`}
                        onClick={(event) => {
                          event.preventDefault();
                          navigate({
                            page: 'participant',
                            courseId,
                            participantId: row.participantId,
                          });
                        }}
                      >
                        {row.participantId}
                      </a>
                    </th>
                    <td className="number" data-label={t.lessonsCompleted}>
                      {row.lessonsCompleted} / {row.lessonsTotal}
                    </td>
                    <td className="number" data-label={t.watchedShare}>
                      {formatPercent(row.watchedShare, language)}
                    </td>
                    <td data-label={t.lastActivity}>{row.lastActivityWit}</td>
                    <td data-label={t.flags}>
                      {row.flags.length === 0
                        ? t.none
                        : `${formatNumber(row.flaggedEvents, language)}: ${row.flags.join(', ')}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {loaded.data.participants.length === 0 && <p className="hint">{t.noParticipants}</p>}
          <nav className="pager" aria-label={t.navParticipants}>
            <button
              type="button"
              disabled={previous.length === 0}
              onClick={() => {
                setQuery({ ...query, cursor: previous.at(-1) ?? null });
                setPrevious(previous.slice(0, -1));
              }}
            >
              {t.previousPage}
            </button>
            <button
              type="button"
              disabled={!loaded.data.nextCursor}
              onClick={() => {
                setPrevious([...previous, query.cursor]);
                setQuery({ ...query, cursor: loaded.data.nextCursor });
              }}
            >
              {t.nextPage}
            </button>
          </nav>
          <ExportLinks
            what={t.navParticipants}
            path={participantsPath(courseId, query)}
            name={`${courseId}-participants`}
          />
        </>
      )}
    </div>
  );
}

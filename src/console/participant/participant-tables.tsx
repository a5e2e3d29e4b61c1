import type { ParticipantDetail } from '../api/report-client.ts';
import { useConsole } from '../console-context.ts';
import { FlagList } from './flag-list.tsx';
import { formatNumber } from '../i18n/console-format.ts';

const WIT = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Jayapura',
  dateStyle: 'short',
  timeStyle: 'medium',
});
const wit = (iso: string) => `${WIT.format(new Date(iso))} WIT`;

export function DeviceTable({ devices }: { devices: ParticipantDetail['devices'] }) {
  const { t, language } = useConsole();
  return (
    <section aria-labelledby="devices-heading" className="panel">
      <h2 id="devices-heading">{t.devicesHeading}</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t.device}</th>
              <th scope="col">{t.events}</th>
              <th scope="col">{t.creditedSeconds}</th>
              <th scope="col">{t.firstSeen}</th>
              <th scope="col">{t.lastSeen}</th>
            </tr>
          </thead>
          <tbody>
            {devices.map((device) => (
              <tr key={device.deviceId} data-device-id={device.deviceId}>
                <th scope="row">
                  <code>{device.deviceId}</code>
                </th>
                <td className="number">{formatNumber(device.events, language)}</td>
                <td className="number">{formatNumber(device.creditedSeconds, language)}</td>
                <td>{wit(device.firstSeenAt)}</td>
                <td>{wit(device.lastSeenAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Every flagged event: when, which device and lesson, claimed vs credited, and why. */
export function FlaggedEvents({
  events,
  lessons,
}: {
  events: ParticipantDetail['flaggedEvents'];
  lessons: ParticipantDetail['lessons'];
}) {
  const { t, language } = useConsole();
  const titleOf = (lessonId: string) =>
    lessons.find((lesson) => lesson.lessonId === lessonId)?.lessonTitle ?? lessonId;
  return (
    <section aria-labelledby="flagged-heading" className="panel">
      <h2 id="flagged-heading">{t.flaggedHeading}</h2>
      {events.length === 0 ? (
        <p>{t.noFlags}</p>
      ) : (
        <ol className="flagged-events">
          {events.map((event) => (
            <li key={event.eventId} data-event-id={event.eventId}>
              <p>
                <strong>{event.receivedAtWit}</strong> · {titleOf(event.lessonId)} ·{' '}
                <code>{event.deviceId}</code>
              </p>
              <p>
                {t.claimed}: {formatNumber(event.playedSinceLast, language)} s · {t.elapsed}:{' '}
                {formatNumber(event.elapsedSeconds, language)} s · {t.creditedSeconds}:{' '}
                {formatNumber(event.creditedSeconds, language)} s
              </p>
              <FlagList flags={event.flags} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

import type { LoadReport } from './run-load.ts';

/** The run's figures and verdict as a short table people can read and scripts can grep. */
export function printReport(report: LoadReport): string[] {
  const v = report.verification;
  const lines = [
    `participants          ${report.participants} (played ${report.playSeconds.toFixed(1)} s of real time each)`,
    `requests              ${report.requests} (${report.requestsPerSecond.toFixed(1)}/s)`,
    `events acknowledged   ${report.eventsAcknowledged} (${report.eventsPerSecond.toFixed(1)}/s), ${report.duplicatesAnswered} answered as duplicate`,
    `latency               p50 ${report.latencyMs.p50.toFixed(1)} ms, p95 ${report.latencyMs.p95.toFixed(1)} ms, p99 ${report.latencyMs.p99.toFixed(1)} ms, max ${report.latencyMs.max.toFixed(1)} ms`,
    `errors                ${report.errors} (${Object.entries(report.outcomes)
      .map(([outcome, n]) => `${outcome}: ${n}`)
      .join(', ')})`,
    `credit checked        ${v.participantsChecked} participants, ${report.playedSeconds.toFixed(1)} s played in total`,
    `  lost or doubled     ${v.mismatches.length} lessons${v.mismatches
      .slice(0, 3)
      .map((m) => ` [${m.participantId} ${m.lessonId}: played ${m.played}, credited ${m.credited}]`)
      .join('')}`,
    `  undelivered events  ${v.undelivered}; refused ${v.refused}`,
  ];
  if (v.database)
    lines.push(
      `  database            ${v.database.storedEventsMismatch} participants with events missing or doubled, ${v.database.creditedTotalMismatch} with a wrong credited total`,
    );
  lines.push(
    `verdict               ${v.exact ? 'EXACT: nothing lost, nothing doubled' : 'FAILED'}`,
  );
  return lines;
}

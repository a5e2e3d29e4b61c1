/**
 * The data meter: bytes really fetched from the network, counted per local calendar day of the
 * device (`YYYY-MM-DD`; in Papua that is WIT). Days are keys; time is passed in.
 */
export interface UsageDay {
  day: string;
  bytes: number;
}

export function localDayOf(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

export function usageTotals(
  days: readonly UsageDay[],
  today: string,
): { today: number; month: number } {
  const month = today.slice(0, 7);
  let todayBytes = 0;
  let monthBytes = 0;
  for (const row of days) {
    if (row.day === today) todayBytes += row.bytes;
    if (row.day.startsWith(month)) monthBytes += row.bytes;
  }
  return { today: todayBytes, month: monthBytes };
}

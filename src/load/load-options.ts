/** What one load run does (npm run load -- --help lists the flags). */
export interface LoadOptions {
  url: string;
  participants: number;
  /** Real minutes of play (fractions allowed: 0.1 = 6 s). */
  minutes: number;
  courseId: string;
  /** Where the course manifest is read when the server does not serve it. */
  coursesDir: string;
  /** Seconds between a playing phone's progress events (the issue's contract: 2). */
  eventIntervalSeconds: number;
  /** Share of phones that lose signal once, for a random stretch of the run. */
  intermittentShare: number;
  /** Share of phones in one mass outage that all reconnect at the same moment (a burst). */
  burstShare: number;
  /** Share of phones that start offline with a clock ticket, before having a session. */
  ticketShare: number;
  lostReplyShare: number;
  doubleSendShare: number;
  /** Read stored events and totals straight from PostgreSQL as well (stronger check). */
  databaseUrl?: string | undefined;
  /** Seconds to wait for every outbox to drain after play stops. */
  drainSeconds: number;
  seed: number;
}

export const DEFAULT_LOAD: Omit<LoadOptions, 'url'> = {
  participants: 100,
  minutes: 1,
  courseId: 'programme',
  coursesDir: 'scripts/load/courses',
  eventIntervalSeconds: 2,
  intermittentShare: 0.2,
  burstShare: 0.2,
  ticketShare: 0.1,
  lostReplyShare: 0.02,
  doubleSendShare: 0.02,
  drainSeconds: 120,
  seed: 1,
};

const FLAGS: Record<string, keyof LoadOptions> = {
  '--url': 'url',
  '--participants': 'participants',
  '--minutes': 'minutes',
  '--course': 'courseId',
  '--courses-dir': 'coursesDir',
  '--event-interval': 'eventIntervalSeconds',
  '--intermittent': 'intermittentShare',
  '--burst': 'burstShare',
  '--tickets': 'ticketShare',
  '--lost-replies': 'lostReplyShare',
  '--double-sends': 'doubleSendShare',
  '--database-url': 'databaseUrl',
  '--drain-seconds': 'drainSeconds',
  '--seed': 'seed',
};
const TEXT = new Set<keyof LoadOptions>(['url', 'courseId', 'coursesDir', 'databaseUrl']);

export function loadUsage(): string {
  return `usage: npm run load -- --url URL [--participants N] [--minutes M] [flags]\n${Object.keys(
    FLAGS,
  )
    .map((flag) => `  ${flag}`)
    .join('\n')}`;
}

/** Parses `--flag value` pairs; a clear error for anything unknown or not a number. */
export function parseLoadArgs(args: readonly string[]): LoadOptions {
  const options: Record<string, unknown> = { ...DEFAULT_LOAD };
  for (let i = 0; i < args.length; i += 2) {
    const flag = args[i] ?? '';
    const key = FLAGS[flag];
    const value = args[i + 1];
    if (!key) throw new Error(`unknown flag "${flag}"\n${loadUsage()}`);
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (TEXT.has(key)) options[key] = value;
    else {
      const number = Number(value);
      if (!Number.isFinite(number) || number < 0)
        throw new Error(`${flag} must be a number of at least 0, got "${value}"`);
      options[key] = number;
    }
  }
  if (typeof options.url !== 'string') throw new Error(`--url is required\n${loadUsage()}`);
  const parsed = options as unknown as LoadOptions;
  if (!Number.isInteger(parsed.participants) || parsed.participants < 1)
    throw new Error('--participants must be a whole number of at least 1');
  return parsed;
}

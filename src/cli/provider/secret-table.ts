import type { LaunchKey } from '../../server/providers/secret-store.ts';
import { table } from './cli-io.ts';

/** A provider's secrets by key id, with what each still does; never the secrets themselves. */
export function secretTable(keys: readonly LaunchKey[], nowMs: number): string[] {
  const state = (key: LaunchKey) =>
    key.retiredAt !== null && key.retiredAt.getTime() <= nowMs
      ? 'retired'
      : key.supersededAt !== null
        ? `verifies tokens issued before ${key.supersededAt.toISOString()}`
        : 'signing';
  return table(
    ['KID', 'CREATED', 'STATE', 'RETIRES'],
    keys.map((key) => [
      key.kid,
      key.createdAt.toISOString(),
      state(key),
      key.retiredAt?.toISOString() ?? '-',
    ]),
  );
}

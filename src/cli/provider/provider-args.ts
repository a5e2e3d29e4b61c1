import { parseArgs } from 'node:util';
import { checkOrigin, checkProviderId } from '../../domain/provider-identity.ts';
import { findProvider, type StoredProvider } from '../../server/providers/provider-store.ts';
import { UsageError, type CliIo } from './cli-io.ts';

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

/** Parses exactly `count` positional arguments and the given options; anything else is usage. */
export function parseCommand<O extends Options>(args: string[], count: number, options: O) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.positionals.length !== count)
    throw new UsageError(`expected ${count} argument(s), got ${parsed.positionals.length}`);
  return { positionals: parsed.positionals, values: parsed.values };
}

export function providerIdArg(text: string): string {
  const checked = checkProviderId(text);
  if (!checked.ok) throw new UsageError(checked.reason);
  return checked.value;
}

export function originArg(text: string): string {
  const checked = checkOrigin(text);
  if (!checked.ok) throw new UsageError(checked.reason);
  return checked.value;
}

/** The stored provider, or undefined after saying on stderr that there is none. */
export async function existingProvider(io: CliIo, id: string): Promise<StoredProvider | undefined> {
  const provider = await findProvider(await io.database(), id);
  if (!provider) io.err(`no provider "${id}" (runtut provider list shows them)`);
  return provider;
}

import { parseArgs } from 'node:util';
import { ensureSessionSecret } from '../server/auth/session-secret.ts';
import { readEnv } from '../server/config.ts';
import { currentSecret } from '../server/providers/secret-store.ts';
import { signLaunchToken } from '../server/providers/sign-launch-token.ts';
import { openServerDatabase } from './provider/cli-io.ts';

const USAGE =
  'usage: runtut token --participant ID --course ID [--provider ID] [--ttl SECONDS]\n' +
  "  prints a launch token for testing: with --provider, signed with that provider's current\n" +
  '  secret from the database (kid header); without, with RUNTUT_PROVIDER_SECRET, or in demo\n' +
  "  mode with the server's session secret.";

interface Signing {
  secret: string;
  kid?: string | undefined;
  iss?: string | undefined;
  from: string;
}

/** The secret to sign with, or a message saying why there is none. */
async function signingFor(provider: string | undefined): Promise<Signing | string> {
  const env = readEnv(process.env);
  if (provider === undefined && env.providerSecret)
    return { secret: env.providerSecret, from: 'RUNTUT_PROVIDER_SECRET' };
  const db = await openServerDatabase('runtut token');
  if (typeof db === 'string') return db;
  try {
    if (provider === undefined)
      return {
        secret: await ensureSessionSecret(db, env.jwtSecret),
        from: 'the demo session secret',
      };
    const key = await currentSecret(db, provider);
    if (!key) return `provider "${provider}" has no signing secret (runtut provider list)`;
    return {
      secret: key.secret,
      kid: key.kid,
      iss: provider,
      from: `provider ${provider}, kid ${key.kid}`,
    };
  } finally {
    await db.close();
  }
}

export async function run(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      options: {
        participant: { type: 'string' },
        course: { type: 'string' },
        provider: { type: 'string' },
        ttl: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(
      `runtut token: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`,
    );
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const ttl = Number(values.ttl ?? 3600);
  if (!values.participant || !values.course || !Number.isInteger(ttl) || ttl <= 0) {
    console.error(
      `runtut token: --participant and --course are required, --ttl a positive whole number\n${USAGE}`,
    );
    return 2;
  }
  const signing = await signingFor(values.provider);
  if (typeof signing === 'string') {
    console.error(`runtut token: ${signing}`);
    return 1;
  }
  const iat = Math.floor(Date.now() / 1000);
  const token = await signLaunchToken(
    { sub: values.participant, course: values.course, iat, exp: iat + ttl, iss: signing.iss },
    signing.secret,
    signing.kid,
  );
  console.log(token);
  console.error(
    `signed with ${signing.from}; valid until ${new Date((iat + ttl) * 1000).toISOString()}`,
  );
  return 0;
}

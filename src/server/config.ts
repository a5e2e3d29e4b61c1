import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureSessionSecret } from './auth/session-secret.ts';
import type { TokenSecrets } from './auth/tokens.ts';
import type { CourseCatalog } from './courses/course-catalog.ts';
import type { Database } from './db/database.ts';
import { sameKey } from './auth/require-report-key.ts';
import { singleProviderDirectory, type ProviderDirectory } from './providers/provider-directory.ts';
import { setUpProviders } from './providers/provider-setup.ts';

/** What buildApp needs: everything resolved, nothing read from the environment. */
export interface ServerConfig extends TokenSecrets {
  /** Guards the provider reports; undefined disables them (503). */
  reportKey?: string | undefined;
  /** Provider origins allowed by CORS and as frame ancestors. */
  corsOrigins: readonly string[];
  /** Built front end to serve, if any. */
  staticDir?: string | undefined;
  courses: CourseCatalog;
  /** Which provider publishes which course, with its origins and report keys (see providersOf). */
  providers?: ProviderDirectory | undefined;
  /** Course folders: files other than course.json are served from here (course-files.ts). */
  coursesDir?: string | undefined;
  /** Stops background work (the course folder poller) before the database closes. */
  close?: (() => void) | undefined;
  /** Server clock (ms). Receive and completion times come from here, never from devices. */
  now: () => number;
}

export const DEMO_REPORT_KEY = 'demo-report-key';

/** Settings read from the environment by main.ts. */
export interface EnvSettings {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string | undefined;
  coursesDir: string;
  staticDir: string;
  providerSecret?: string | undefined;
  jwtSecret?: string | undefined;
  reportKey?: string | undefined;
  corsOrigins: string[];
  /** The env-configured provider's id (RUNTUT_PROVIDER_ID), in provider mode. */
  providerId?: string | undefined;
  /** How often COURSES_DIR is checked for new or changed courses (ms, 0 = never). */
  coursesPollMs: number;
}

const nonEmpty = (value: string | undefined) =>
  value && value.trim() !== '' ? value.trim() : undefined;

export function readEnv(env: NodeJS.ProcessEnv): EnvSettings {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    host: nonEmpty(env.HOST) ?? '127.0.0.1',
    dataDir: resolve(nonEmpty(env.DATA_DIR) ?? 'data'),
    databaseUrl: nonEmpty(env.DATABASE_URL),
    coursesDir: resolve(nonEmpty(env.COURSES_DIR) ?? 'public/courses'),
    staticDir: resolve(nonEmpty(env.STATIC_DIR) ?? 'dist'),
    providerSecret: nonEmpty(env.RUNTUT_PROVIDER_SECRET),
    jwtSecret: nonEmpty(env.RUNTUT_JWT_SECRET),
    reportKey: nonEmpty(env.RUNTUT_REPORT_KEY),
    corsOrigins: (env.RUNTUT_CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim().replace(/\/+$/, ''))
      .filter(Boolean),
    providerId: nonEmpty(env.RUNTUT_PROVIDER_ID),
    coursesPollMs: Number(nonEmpty(env.COURSES_POLL_MS) ?? 2000) || 0,
  };
}

/** Provider mode when RUNTUT_PROVIDER_SECRET is set; demo mode otherwise. */
export async function resolveServerConfig(
  settings: EnvSettings,
  db: Database,
): Promise<ServerConfig> {
  const provider = settings.providerSecret !== undefined;
  const reportKey = settings.reportKey ?? (provider ? undefined : DEMO_REPORT_KEY);
  const providers = await setUpProviders(
    settings,
    db,
    { origins: settings.corsOrigins, reportKey },
    Date.now,
  );
  return {
    mode: provider ? 'provider' : 'demo',
    providerSecret: settings.providerSecret,
    sessionSecret: provider ? undefined : await ensureSessionSecret(db, settings.jwtSecret),
    reportKey,
    corsOrigins: settings.corsOrigins,
    staticDir: existsSync(settings.staticDir) ? settings.staticDir : undefined,
    courses: providers.courses,
    coursesDir: settings.coursesDir,
    providers: providers.providers,
    keyring: providers.keyring,
    defaultProviderId: providers.defaultProviderId,
    close: () => providers.courses.close(),
    now: Date.now,
  };
}

/** The configured provider directory, or one demo provider owning every course. */
export function providersOf(config: ServerConfig): ProviderDirectory {
  return (
    config.providers ??
    singleProviderDirectory({
      reportKey: config.reportKey,
      origins: config.corsOrigins,
      courseIds: () => config.courses.ids,
      sameKey,
    })
  );
}

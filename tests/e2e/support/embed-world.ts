import { startProviderSite, type ProviderSite } from '../../../src/embed/demo/provider-site.ts';
import { freePort } from '../../../src/qa/free-port.ts';
import { startServer, type RunningServer } from './start-server.ts';

export const PROVIDER_SECRET = 'embed-e2e-provider-secret-0123456789';
export const REPORT_KEY = 'embed-e2e-report-key';

export interface EmbedWorld {
  runtut: RunningServer;
  /** The provider's site, allowed to embed (http://localhost:<port>: another site). */
  provider: ProviderSite;
  /** The same page on an origin the provider did not list. */
  stranger: ProviderSite;
  stop(): Promise<void>;
}

/**
 * A Runtut server in provider mode on 127.0.0.1 and two provider sites on localhost: one whose
 * origin the server allows, one it does not. Both sign tokens with the shared secret.
 */
export async function startEmbedWorld(env: Record<string, string> = {}): Promise<EmbedWorld> {
  const providerPort = await freePort();
  const runtut = await startServer({
    RUNTUT_PROVIDER_SECRET: PROVIDER_SECRET,
    RUNTUT_CORS_ORIGINS: `http://localhost:${providerPort}`,
    RUNTUT_REPORT_KEY: REPORT_KEY,
    ...env,
  });
  const site = (port: number) =>
    startProviderSite({ runtutUrl: runtut.baseUrl, secret: PROVIDER_SECRET, port });
  const provider = await site(providerPort);
  const stranger = await site(await freePort());
  return {
    runtut,
    provider,
    stranger,
    async stop() {
      await Promise.all([provider.stop(), stranger.stop()]);
      await runtut.stop();
    },
  };
}

import type { Identity } from '../auth/identity.ts';

export interface AppEnv {
  /** `requestId`: set first by observeRequests, echoed as X-Request-Id, in every log line. */
  Variables: { identity: Identity; requestId: string };
}

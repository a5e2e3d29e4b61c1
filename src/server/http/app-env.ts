import type { Identity } from '../auth/identity.ts';

export interface AppEnv {
  Variables: { identity: Identity };
}

import type { AppDeps } from '../deps.server.ts';
import type { Actor } from '../lib/authz.ts';
import type { Locale } from '../lib/i18n.ts';

export interface HonoEnv {
  Variables: {
    requestId: string;
    nonce: string;
    actor: Actor;
    locale: Locale;
    deps: AppDeps;
  };
}

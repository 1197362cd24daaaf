import type { AppDeps } from '../app/deps.types.ts';
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

// What every loader and action can reach: the app's deps, who is asking, the language, the CSP nonce.
import { createContext } from 'react-router';
import type { AppDeps } from '../app/deps.types.ts';
import type { Actor } from '../lib/authz.ts';
import type { Locale } from '../lib/i18n.ts';

export interface RequestContextValue {
  deps: AppDeps;
  actor: Actor;
  locale: Locale;
  nonce: string;
  requestId: string;
}

export const requestContext = createContext<RequestContextValue>();

// Placeholder wiring until better-auth is connected: every request is anonymous.
import type { Hono } from 'hono';
import type { AppDeps } from '../../deps.ts';
import type { HonoEnv } from '../../http/env.ts';

export function wireAuth(_deps: AppDeps): { mount: (app: Hono<HonoEnv>) => void } {
  return { mount: () => undefined };
}

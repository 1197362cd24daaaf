// The outbound module's public surface: the allow-list of hosts the server may fetch from, by purpose. Features
// that fetch (catalogue harvest, community calendars) read and edit their purpose's entries here and fetch
// through safeFetch.
import type { AppDeps } from '../../app/deps.types.ts';
import type { Db } from '../../db/client.server.ts';
import { hostMatches } from '../../lib/safe-fetch.server.ts';
import type { AllowedHostRow, OutboundPurpose } from './outbound.repository.server.ts';

export type { AllowedHostRow, OutboundPurpose } from './outbound.repository.server.ts';

type Repos = Pick<AppDeps, 'repos'>;

export const outboundAllowList = {
  /** The list's entries, by pattern. */
  hosts: (deps: Repos, db: Db, purpose: OutboundPurpose): Promise<AllowedHostRow[]> =>
    deps.repos.outbound.hosts(db, purpose),
  /** The list's patterns (what safeFetch's `allowList` takes). */
  patterns: async (deps: Repos, db: Db, purpose: OutboundPurpose): Promise<string[]> =>
    (await deps.repos.outbound.hosts(db, purpose)).map((h) => h.pattern),
  /** Whether the list allows fetching from this URL's host. */
  allows: async (deps: Repos, db: Db, purpose: OutboundPurpose, url: string): Promise<boolean> =>
    hostMatches(new URL(url).hostname, await outboundAllowList.patterns(deps, db, purpose)),
  /** Adds a pattern; false when it was already there. Callers authorise and audit. */
  add: (
    deps: Repos,
    db: Db,
    purpose: OutboundPurpose,
    pattern: string,
    note: string | null,
    by: string | null,
  ) => deps.repos.outbound.add(db, purpose, pattern, note, by),
  /** Removes a pattern; false when it was not there. Callers authorise and audit. */
  remove: (deps: Repos, db: Db, purpose: OutboundPurpose, pattern: string) =>
    deps.repos.outbound.remove(db, purpose, pattern),
};

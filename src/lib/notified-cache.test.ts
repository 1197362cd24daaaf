// The primitive under the per-process caches (ADR 0013) on a fake notification channel: nothing served or kept
// while a channel is down, a read that raced a forget not kept, bounded, and the app's one write hook.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { Listener } from '../db/client.server.ts';
import { createNotifiedCache, forgetOnWrite } from './notified-cache.server.ts';

function withChannels(overflow: 'oldest' | 'all' = 'oldest') {
  const listeners = new Map<string, Listener>();
  const dbh = {
    listen: async (channel: string, on: Listener) => {
      listeners.set(channel, on);
      return async () => undefined;
    },
  };
  const cache = createNotifiedCache<{ user: string }>({
    maxEntries: 2,
    overflow,
    notifications: {
      name: 'test cache',
      dbh,
      logger: { warn: () => undefined },
      channels: {
        users: (user, c) => c.forgetWhere((e) => e.user === user),
        everything: (_payload, c) => c.forgetAll(),
      },
    },
  });
  const state = (channel: string, on: boolean) => listeners.get(channel)?.onState(on);
  return { cache, listeners, state };
}

describe('a cache forgotten on notifications', () => {
  it('serves and keeps nothing until every channel listens, nor while one is down, and starts empty', () => {
    const { cache, state } = withChannels();
    expect(cache.set('a', { user: 'u' }, cache.generation())).toBe(false);
    state('users', true);
    expect(cache.set('a', { user: 'u' }, cache.generation())).toBe(false);
    state('everything', true);
    expect(cache.set('a', { user: 'u' }, cache.generation())).toBe(true);
    expect(cache.get('a')).toEqual({ user: 'u' });
    state('everything', false);
    expect(cache.get('a')).toBeUndefined();
    state('everything', true);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size()).toBe(0);
  });

  it('forgets what a notification names, and keeps no read that raced a forget', () => {
    const { cache, state, listeners } = withChannels();
    state('users', true);
    state('everything', true);
    cache.set('a', { user: 'u' }, cache.generation());
    cache.set('b', { user: 'v' }, cache.generation());
    listeners.get('users')?.onMessage('u');
    expect([cache.get('a'), cache.get('b')]).toEqual([undefined, { user: 'v' }]);
    const before = cache.generation();
    listeners.get('everything')?.onMessage('');
    expect(cache.set('a', { user: 'u' }, before)).toBe(false);
    expect(cache.size()).toBe(0);
  });

  it('stays bounded: the oldest entry goes, or everything', () => {
    const oldest = withChannels('oldest');
    const all = withChannels('all');
    for (const { cache, state } of [oldest, all]) {
      state('users', true);
      state('everything', true);
      for (const key of ['a', 'b', 'c']) cache.set(key, { user: key }, cache.generation());
    }
    expect([oldest.cache.get('a'), oldest.cache.size()]).toEqual([undefined, 2]);
    expect([all.cache.get('c'), all.cache.size()]).toEqual([{ user: 'c' }, 1]);
  });

  it('is emptied before and after every write request by the one write hook, and never on a read', async () => {
    const cache = createNotifiedCache<string>({ maxEntries: 10, overflow: 'oldest' });
    const app = new Hono();
    app.use('*', forgetOnWrite(new Set([cache])));
    let during = -1;
    app.all('*', (c) => {
      during = cache.size();
      cache.set('during', 'x', cache.generation());
      return c.text('ok');
    });
    cache.set('k', 'v', cache.generation());
    await app.request('/', { method: 'GET' });
    expect(cache.get('k')).toBe('v');
    await app.request('/', { method: 'POST' });
    expect(during).toBe(0);
    expect(cache.size()).toBe(0);
  });
});

import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { HonoEnv } from './env.ts';
import { createMetrics } from './metrics.server.ts';

describe('request metrics', () => {
  it('counts each request under its own group, method and status', async () => {
    const metrics = createMetrics();
    const app = new Hono<HonoEnv>();
    app.use('*', metrics.middleware);
    app.get('/api/v1/x', (c) => c.json({}));
    app.post('/api/v1/x', (c) => c.json({}, 201));
    app.get('/admin/y', (c) => c.text('y'));
    for (let i = 0; i < 3; i++) await app.request('/api/v1/x');
    await app.request('/api/v1/x', { method: 'POST' });
    await app.request('/admin/y');
    await app.request('/nothing');
    const text = await metrics.registry.metrics();
    const count = (labels: string) =>
      new RegExp(`http_request_duration_seconds_count\\{${labels}\\} (\\d+)`).exec(text)?.[1];
    expect(count('group="api",method="GET",status="200"')).toBe('3');
    expect(count('group="api",method="POST",status="201"')).toBe('1');
    expect(count('group="admin",method="GET",status="200"')).toBe('1');
    expect(count('group="page",method="GET",status="404"')).toBe('1');
  });
});

// Prometheus metrics for this process. In a cluster each worker keeps its own registry; scrape per worker
// or aggregate at the proxy (docs/operations.md).
import type { MiddlewareHandler } from 'hono';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { HonoEnv } from './env.ts';

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route group and status',
    labelNames: ['group', 'method', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const children = new Map<string, ReturnType<typeof duration.labels>>();
  const middleware: MiddlewareHandler<HonoEnv> = async (c, next) => {
    const start = performance.now();
    await next();
    const p = c.req.path;
    const group = p.startsWith('/api/')
      ? 'api'
      : p.startsWith('/assets/')
        ? 'assets'
        : p.startsWith('/admin')
          ? 'admin'
          : 'page';
    const method = c.req.method;
    const status = c.res.status;
    // One child per label set, looked up by a short key: prom-client would hash the label object each time.
    const key = `${group} ${method} ${status}`;
    let child = children.get(key);
    if (!child) {
      child = duration.labels({ group, method, status: String(status) });
      children.set(key, child);
    }
    child.observe((performance.now() - start) / 1000);
  };
  return { registry, middleware };
}

// `npm run bench:xapi [-- --size N]`: the LRS on PostgreSQL (a fresh schema on BENCH_DATABASE_URL, dropped at
// the end), through the real app in this process (app.request: auth, validation, the whole /xapi stack, no
// sockets). Prints figures; asserts nothing. Default size 1,000,000 stored statements (bulk SQL fixture).
//
//  1. Ingest: statements POSTed one per request, and in batches of 50 — statements/s, p50/p99 per request —
//     against a bare INSERT of the same rows (no validation, no lock) in the same run.
//  2. Reads: GET /xapi/statements filtered by agent, verb, activity, since (limit 25) and the next `more` page,
//     p50/p95, against a primary-key lookup of one statement in SQL.
import { randomUUID } from 'node:crypto';
import { createApp } from '../src/app/create-app.server.ts';
import { issueCredential } from '../src/modules/lrs/lrs-credentials.usecases.server.ts';
import { comparisonSignature, filterKeys } from '../src/modules/lrs/xapi-format.ts';
import type { JsonObject } from '../src/modules/lrs/xapi-validate.ts';
import { testActor } from '../src/test/actors.ts';
import { BENCH_DB_URL, benchDeps, openBenchSchema } from './bench-db.ts';

const sizeArg = process.argv.indexOf('--size');
const SIZE = sizeArg > 0 ? Number(process.argv[sizeArg + 1]) : Number(process.env.BENCH_SIZE ?? 1_000_000);
const SINGLE = Number(process.env.BENCH_SINGLE ?? 500);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 100);
const READS = Number(process.env.BENCH_READS ?? 300);
const AGENTS = 5000;
const VERBS = 20;
const ACTIVITIES = 20_000;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const ms = (n: number) => `${n.toFixed(2)} ms`;

let n = 0;
function statement(): JsonObject {
  n++;
  return {
    id: randomUUID(),
    actor: { objectType: 'Agent', mbox: `mailto:learner${n % AGENTS}@bench.vn` },
    verb: { id: `http://bench.vn/verbs/${n % VERBS}`, display: { vi: 'học' } },
    object: {
      id: `http://bench.vn/activities/${n % ACTIVITIES}`,
      definition: { name: { vi: `Hoạt động ${n}` } },
    },
    result: { duration: 'PT30M', completion: true },
    timestamp: new Date().toISOString(),
  };
}

async function main() {
  if (!Number.isInteger(SIZE) || SIZE < 0) throw new Error('--size takes a whole number');
  const { dbh, schema, drop } = await openBenchSchema('xapi', 10);
  try {
    const deps = await benchDeps(dbh);
    const app = createApp(deps);
    const root = await dbh.query<{ id: string }>('SELECT id FROM units WHERE parent_id IS NULL LIMIT 1');
    const rootId = root[0]?.id as string;
    const cred = await issueCredential(deps, testActor([{ role: 'administrator', unitId: rootId }]), {
      name: 'bench',
      unitId: rootId,
    });
    const auth = `Basic ${Buffer.from(`${cred.key}:${cred.secret}`).toString('base64')}`;
    const call = async (path: string, body?: unknown) => {
      const res = await app.request(`http://127.0.0.1${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          authorization: auth,
          'x-experience-api-version': '1.0.3',
          'content-type': 'application/json',
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json();
    };

    // Bulk fixture: SIZE statements in SQL, the same key columns the LRS writes.
    const fill0 = performance.now();
    for (let from = 0; from < SIZE; from += 100_000) {
      const to = Math.min(SIZE, from + 100_000);
      await dbh.query(
        `INSERT INTO lrs_statements (id, seq, statement, signature, stored, "timestamp", verb_id, verbs, agents,
           related_agents, activities, related_activities)
         SELECT gen_random_uuid(), nextval('lrs_statement_seq'),
           jsonb_build_object('actor', jsonb_build_object('mbox', 'mailto:learner' || (g % $1) || '@bench.vn'),
             'verb', jsonb_build_object('id', 'http://bench.vn/verbs/' || (g % $2)),
             'object', jsonb_build_object('id', 'http://bench.vn/activities/' || (g % $3))),
           'bulk', now() - ((${SIZE} - g) || ' seconds')::interval, now() - ((${SIZE} - g) || ' seconds')::interval,
           'http://bench.vn/verbs/' || (g % $2), ARRAY['http://bench.vn/verbs/' || (g % $2)],
           ARRAY['mbox:mailto:learner' || (g % $1) || '@bench.vn'], ARRAY['mbox:mailto:learner' || (g % $1) || '@bench.vn'],
           ARRAY['http://bench.vn/activities/' || (g % $3)], ARRAY['http://bench.vn/activities/' || (g % $3)]
         FROM generate_series($4::int, $5::int - 1) g`,
        [AGENTS, VERBS, ACTIVITIES, from, to],
      );
    }
    await dbh.query('ANALYZE lrs_statements');
    const fillMs = performance.now() - fill0;

    const ingest = async (perRequest: number, requests: number) => {
      const lat: number[] = [];
      const t0 = performance.now();
      for (let i = 0; i < requests; i++) {
        const body = perRequest === 1 ? statement() : Array.from({ length: perRequest }, statement);
        const s = performance.now();
        await call('/xapi/statements', body);
        lat.push(performance.now() - s);
      }
      const secs = (performance.now() - t0) / 1000;
      return { rate: (perRequest * requests) / secs, p50: pct(lat, 50), p99: pct(lat, 99) };
    };
    const bare = async (perRequest: number, requests: number) => {
      const lat: number[] = [];
      const t0 = performance.now();
      const repo = deps.repos.lrsStatements;
      for (let i = 0; i < requests; i++) {
        const rows = Array.from({ length: perRequest }, () => {
          const s = statement();
          return {
            id: s.id as string,
            statement: s,
            signature: comparisonSignature(s),
            timestamp: new Date(),
            registration: null,
            voids: null,
            credentialId: null,
            learnerId: null,
            unitId: null,
            placeId: null,
            commune: null,
            category: null,
            durationSeconds: 1800,
            hasAttachments: false,
            ...filterKeys(s),
          };
        });
        const s = performance.now();
        await repo.insert(deps.db, rows, new Date());
        lat.push(performance.now() - s);
      }
      const secs = (performance.now() - t0) / 1000;
      return { rate: (perRequest * requests) / secs, p50: pct(lat, 50), p99: pct(lat, 99) };
    };
    const single = await ingest(1, SINGLE);
    const batch = await ingest(50, BATCHES);
    const bareSingle = await bare(1, SINGLE);
    const bareBatch = await bare(50, BATCHES);

    const since = new Date(Date.now() - Math.max(60, SIZE / 2) * 1000).toISOString();
    const filters = [
      (i: number) =>
        `agent=${encodeURIComponent(JSON.stringify({ mbox: `mailto:learner${i % AGENTS}@bench.vn` }))}`,
      (i: number) => `verb=${encodeURIComponent(`http://bench.vn/verbs/${i % VERBS}`)}`,
      (i: number) => `activity=${encodeURIComponent(`http://bench.vn/activities/${i % ACTIVITIES}`)}`,
      () => `since=${encodeURIComponent(since)}`,
      (i: number) =>
        `agent=${encodeURIComponent(JSON.stringify({ mbox: `mailto:learner${i % AGENTS}@bench.vn` }))}&verb=${encodeURIComponent(`http://bench.vn/verbs/${i % VERBS}`)}`,
    ];
    const reads: Record<string, number[]> = {
      agent: [],
      verb: [],
      activity: [],
      since: [],
      'agent+verb': [],
      more: [],
    };
    const names = Object.keys(reads);
    for (let i = 0; i < READS; i++) {
      const f = i % filters.length;
      const s = performance.now();
      const page = (await call(`/xapi/statements?limit=25&${(filters[f] as (i: number) => string)(i)}`)) as {
        more: string;
      };
      reads[names[f] as string]?.push(performance.now() - s);
      if (page.more && reads.more && reads.more.length < READS / filters.length) {
        const m = performance.now();
        await call(page.more);
        reads.more.push(performance.now() - m);
      }
    }
    const ids = await dbh.query<{ id: string }>(
      'SELECT id::text AS id FROM lrs_statements ORDER BY random() LIMIT 200',
    );
    const pk: number[] = [];
    for (const { id } of ids) {
      const s = performance.now();
      await dbh.query('SELECT statement FROM lrs_statements WHERE id = $1', [id]);
      pk.push(performance.now() - s);
    }

    console.log(`\nbench:xapi — PostgreSQL ${BENCH_DB_URL.replace(/\/\/[^@]*@/, '//…@')}, schema ${schema}`);
    console.log(
      `stored statements: ${SIZE.toLocaleString('en')} (bulk fill ${(fillMs / 1000).toFixed(1)} s)`,
    );
    console.log('\ningest (statements/s, per-request p50 / p99):');
    const line = (label: string, r: { rate: number; p50: number; p99: number }) =>
      console.log(`  ${label.padEnd(34)} ${r.rate.toFixed(0).padStart(7)} /s   ${ms(r.p50)} / ${ms(r.p99)}`);
    line(`POST one per request (${SINGLE})`, single);
    line(`POST batches of 50 (${BATCHES})`, batch);
    line('bare INSERT, one row', bareSingle);
    line('bare INSERT, 50 rows', bareBatch);
    console.log('\nreads (p50 / p95):');
    for (const [k, v] of Object.entries(reads))
      if (v.length)
        console.log(`  GET ${k.padEnd(30)} ${ms(pct(v, 50))} / ${ms(pct(v, 95))}   (${v.length})`);
    console.log(
      `  primary-key lookup (SQL)           ${ms(pct(pk, 50))} / ${ms(pct(pk, 95))}   (${pk.length})`,
    );
  } finally {
    await drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

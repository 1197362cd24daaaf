// What may be retried after a lost connection, and what counts as "the database is unreachable".
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../lib/db-unavailable.ts';
import { isReadOnlyStatement } from './pg-resilience.server.ts';

describe('statements safe to retry after a lost connection', () => {
  it.each([
    'select 1',
    '  SELECT "id" FROM "events" WHERE "id" = $1',
    '/* drizzle */ select * from t',
    '-- note\nselect now()',
    'show search_path',
    'values (1)',
  ])('retries the read %j', (sql) => expect(isReadOnlyStatement(sql)).toBe(true));

  it.each([
    'insert into events (id) values ($1)',
    'update events set title = $1',
    'delete from events',
    'with x as (insert into t values (1) returning id) select * from x',
    'select * into archive from events',
    'select id from events where id = $1 for update',
    'begin',
    'commit',
  ])('never retries %j', (sql) => expect(isReadOnlyStatement(sql)).toBe(false));
});

describe('recognising an unreachable database', () => {
  const pgFatal = Object.assign(new Error('terminating connection due to administrator command'), {
    code: '57P01',
  });
  it.each([
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    ['pg_terminate_backend', pgFatal],
    ['a connection cut mid-query', new Error('Connection terminated unexpectedly')],
    ['a broken client', new Error('Client has encountered a connection error and is not queryable')],
    ['Drizzle wrapping the cause', Object.assign(new Error('Failed query: select 1'), { cause: pgFatal })],
    [
      'an AggregateError of connect attempts',
      new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]),
    ],
  ])('%s', (_, e) => expect(isDatabaseUnavailable(e)).toBe(true));

  it.each([
    ['a unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a syntax error', Object.assign(new Error('syntax error'), { code: '42601' })],
    ['a plain bug', new TypeError('x is undefined')],
  ])('not %s', (_, e) => expect(isDatabaseUnavailable(e)).toBe(false));
});

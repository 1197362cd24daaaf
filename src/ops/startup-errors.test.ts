// The mapping of raw start-up errors, with the shapes Node, pg and PGlite really throw.
import { describe, expect, it } from 'vitest';
import { describeStartupError, StartupError } from './startup-errors.server.ts';

/** PGlite's Emscripten file system throws this (no message, no stack worth showing). */
const errnoError = (errno: number) => Object.assign(Object.create(null), { name: 'ErrnoError', errno });
const nodeError = (code: string, syscall = 'open') =>
  Object.assign(new Error(`${code}: failed, ${syscall}`), { code, syscall });

describe('describing a start-up failure', () => {
  const dataDir = '/srv/suotdoi/data/db';

  it('maps PGlite errno 51 to "no space left" on the data directory', () => {
    const line = describeStartupError(errnoError(51), { dataDir });
    expect(line).toContain(dataDir);
    expect(line).toMatch(/no space left/);
  });

  it.each([
    [63, 'EPERM'],
    [69, 'EROFS'],
    [2, 'EACCES'],
  ])('maps PGlite errno %i (%s) to "read-only"', (errno) => {
    expect(describeStartupError(errnoError(errno), { dataDir })).toMatch(/read-only/);
  });

  it.each(['EROFS', 'EACCES', 'EPERM'])('maps Node %s on the data directory to "read-only"', (code) => {
    expect(describeStartupError(nodeError(code), { dataDir })).toMatch(/read-only or not writable/);
  });

  it('maps Node ENOSPC to "no space left"', () => {
    expect(describeStartupError(nodeError('ENOSPC', 'write'), { dataDir })).toMatch(/no space left/);
  });

  it('turns "PGlite failed to initialize properly" into advice about the directory', () => {
    const line = describeStartupError(new Error('PGlite failed to initialize properly'), { dataDir });
    expect(line).toContain(dataDir);
    expect(line).toMatch(/read-only, full or damaged/);
  });

  it('names the PostgreSQL host without the password, for a refused connection', () => {
    const refused = new AggregateError([nodeError('ECONNREFUSED', 'connect')], '');
    const line = describeStartupError(refused, {
      databaseUrl: 'postgres://app:hunter2@db.internal:6543/suotdoi',
    });
    expect(line).toContain('db.internal:6543/suotdoi');
    expect(line).not.toContain('hunter2');
    expect(line).toMatch(/cannot reach PostgreSQL/);
  });

  it('says when PostgreSQL rejects the login or the database does not exist', () => {
    const url = 'postgres://app@db/suotdoi';
    expect(
      describeStartupError(Object.assign(new Error('x'), { code: '28P01' }), { databaseUrl: url }),
    ).toMatch(/rejected the login/);
    expect(
      describeStartupError(Object.assign(new Error('x'), { code: '3D000' }), { databaseUrl: url }),
    ).toMatch(/does not exist/);
  });

  it('names a port already in use', () => {
    const line = describeStartupError(nodeError('EADDRINUSE', 'listen'), { port: 3000, host: '0.0.0.0' });
    expect(line).toMatch(/0\.0\.0\.0:3000 is already in use/);
  });

  it('keeps a message already written for the operator, and gives unknown errors one line', () => {
    expect(describeStartupError(new StartupError('exactly this'))).toBe('exactly this');
    expect(describeStartupError(new Error('first line\nsecond line'))).toBe(
      'Không khởi động được (could not start): first line',
    );
  });
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, OAI_EMAIL_PATTERN, serverConfigProblems } from './config.server.ts';

const dirs: string[] = [];
function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'suotdoi-config-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const SECRET = 'a-session-secret-that-is-long-enough-0123';
const PG = 'postgres://app@db.example.vn:5432/suotdoi';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ DATA_DIR: tempDataDir(), ...env });
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  throw new Error('expected the configuration to be refused');
}

describe('configuration from the environment', () => {
  it('starts embedded with defaults and no variables at all', () => {
    const dataDir = tempDataDir();
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config).toMatchObject({
      port: 3000,
      embedded: true,
      seedDemo: true,
      workers: 1,
      secureCookies: false,
    });
    expect(config.publicUrl).toBe('http://localhost:3000');
    // The generated secret is kept beside the data so sessions survive a restart.
    expect(readFileSync(join(dataDir, 'session-secret'), 'utf8').trim()).toBe(config.sessionSecret);
    expect(loadConfig({ DATA_DIR: dataDir }).sessionSecret).toBe(config.sessionSecret);
  });

  it('switches to PostgreSQL, no demo data and secure cookies from DATABASE_URL and an https PUBLIC_URL', () => {
    const config = loadConfig({
      DATABASE_URL: PG,
      SESSION_SECRET: SECRET,
      PUBLIC_URL: 'https://hoctap.example.vn/',
      WORKERS: '4',
    });
    expect(config).toMatchObject({ embedded: false, seedDemo: false, secureCookies: true, workers: 4 });
    expect(config.publicUrl).toBe('https://hoctap.example.vn');
  });

  it('explains a PORT that is not a number', () => {
    const problems = problemsOf({ PORT: 'abc' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^PORT: .*integer 1–65535/);
  });

  it('explains a DATABASE_URL that is not PostgreSQL', () => {
    const problems = problemsOf({ DATABASE_URL: 'mysql://root@localhost/suotdoi', SESSION_SECRET: SECRET });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^DATABASE_URL: .*postgres:\/\//);
  });

  it('explains a SESSION_SECRET that is too short', () => {
    const problems = problemsOf({ SESSION_SECRET: 'short' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^SESSION_SECRET: .*32/);
  });

  it('requires SESSION_SECRET with DATABASE_URL', () => {
    const problems = problemsOf({ DATABASE_URL: PG });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^SESSION_SECRET: .*required with DATABASE_URL/);
  });

  it('lists every bad value at once, one line each', () => {
    const problems = problemsOf({
      PORT: 'abc',
      DATABASE_URL: 'mysql://x',
      LOG_LEVEL: 'loud',
      PUBLIC_URL: 'nope',
    });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'DATABASE_URL',
      'LOG_LEVEL',
      'PORT',
      'PUBLIC_URL',
    ]);
    // The message printed at start: a heading, then one line per problem.
    expect(() => loadConfig({ DATA_DIR: tempDataDir(), PORT: 'abc', DATABASE_URL: 'mysql://x' })).toThrow(
      /invalid configuration\):\n {2}- [A-Z_]+: [^\n]+\n {2}- [A-Z_]+: [^\n]+$/,
    );
  });

  it('requires SMTP_PORT with SMTP_HOST', () => {
    expect(problemsOf({ SMTP_HOST: 'mail.example.vn' })).toEqual([
      expect.stringMatching(/^SMTP_PORT: .*required with SMTP_HOST/),
    ]);
  });
});

describe('log level', () => {
  const env = () => ({ DATA_DIR: tempDataDir() });

  it('is warn on a terminal, so job lines do not drown the URL and the demo login', () => {
    expect(loadConfig(env(), { terminal: true }).logLevel).toBe('warn');
  });

  it('stays info for production logs (no terminal), and an explicit LOG_LEVEL always wins', () => {
    expect(loadConfig(env(), { terminal: false }).logLevel).toBe('info');
    expect(loadConfig({ ...env(), LOG_LEVEL: 'info' }, { terminal: true }).logLevel).toBe('info');
  });

  describe('the OAI-PMH repository identity', () => {
    // OAI-PMH.xsd, simpleType emailType: <pattern value="\S+@(\S+\.)+\S+"/>
    it("checks addresses with the OAI-PMH schema's own emailType pattern", () => {
      expect(OAI_EMAIL_PATTERN.test('no-reply@localhost')).toBe(false);
      expect(OAI_EMAIL_PATTERN.test('thuvien@khanhhoa.gov.vn')).toBe(true);
      expect(OAI_EMAIL_PATTERN.test('thu vien@khanhhoa.gov.vn')).toBe(false);
    });

    it('takes no admin address from the default SMTP_FROM (no-reply@localhost) in production', () => {
      const config = loadConfig({ DATA_DIR: tempDataDir(), DATABASE_URL: PG, SESSION_SECRET: SECRET });
      expect(config.oai.adminEmail).toBeNull();
    });

    it('uses OAI_ADMIN_EMAIL, else the address inside SMTP_FROM, else the demo administrator in the demo', () => {
      const base = { DATA_DIR: tempDataDir(), DATABASE_URL: PG, SESSION_SECRET: SECRET };
      expect(loadConfig({ ...base, OAI_ADMIN_EMAIL: 'oai@thuvien.khanhhoa.gov.vn' }).oai.adminEmail).toBe(
        'oai@thuvien.khanhhoa.gov.vn',
      );
      expect(loadConfig({ ...base, SMTP_FROM: 'Thư viện <hotro@thuvien.vn>' }).oai.adminEmail).toBe(
        'hotro@thuvien.vn',
      );
      expect(loadConfig({ DATA_DIR: tempDataDir() }).oai.adminEmail).toBe('admin@demo.suotdoi.vn');
      expect(loadConfig({ ...base, OAI_REPOSITORY_NAME: 'Thư viện tỉnh' }).oai.repositoryName).toBe(
        'Thư viện tỉnh',
      );
    });

    it('refuses an OAI_ADMIN_EMAIL that is not a full address', () => {
      expect(problemsOf({ OAI_ADMIN_EMAIL: 'admin@localhost' })).toEqual([
        expect.stringMatching(/^OAI_ADMIN_EMAIL:/),
      ]);
    });
  });

  it('makes the server (not the CLI tools) refuse PostgreSQL without PUBLIC_URL', () => {
    const base = { DATA_DIR: tempDataDir(), DATABASE_URL: PG, SESSION_SECRET: SECRET };
    expect(serverConfigProblems(loadConfig(base))).toEqual([expect.stringMatching(/^PUBLIC_URL:/)]);
    expect(serverConfigProblems(loadConfig({ ...base, PUBLIC_URL: 'https://hoctap.example.vn' }))).toEqual(
      [],
    );
    expect(serverConfigProblems(loadConfig({ DATA_DIR: tempDataDir() }))).toEqual([]);
  });
});

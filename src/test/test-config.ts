// The configuration every test app runs with: test mode, silent logs, a throwaway data directory.
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Config, loadConfig } from '../config.server.ts';

export const TEST_ORIGIN = 'http://localhost:3000';

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
    PUBLIC_URL: TEST_ORIGIN,
    DATABASE_URL: 'postgres://unused@localhost/unused',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    OAI_ADMIN_EMAIL: 'thuvien@khanhhoa.example.vn',
    CREDENTIALS_KEY: 'dGVzdC1jcmVkZW50aWFscy1rZXktMzItYnl0ZXMhISE',
    // Uploaded files of a test go to a throwaway directory, never into ./data.
    DATA_DIR: join(tmpdir(), `suotdoi-test-${randomBytes(6).toString('hex')}`),
    ...overrides,
  });
}

// Reads and validates the environment once, at start. Every bad value gets its own clear message.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce
    .number({ error: 'PORT phải là số nguyên 1–65535 (PORT must be an integer 1–65535)' })
    .int()
    .min(1)
    .max(65535)
    .default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL phải bắt đầu bằng postgres:// (must start with postgres://)')
    .optional(),
  PUBLIC_URL: z.url({ error: 'PUBLIC_URL phải là URL đầy đủ, ví dụ https://hoctap.example.vn' }).optional(),
  SESSION_SECRET: z
    .string()
    .min(32, 'SESSION_SECRET cần ít nhất 32 ký tự (needs at least 32 characters)')
    .optional(),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().default('Suốt Đời <no-reply@localhost>'),
  SMTP_SECURE: z.enum(['true', 'false']).optional(),
  OAI_REPOSITORY_NAME: z.string().trim().min(1).max(200).optional(),
  OAI_ADMIN_EMAIL: z.string().trim().optional(),
  // Notices by phone (learners/notifications): an HTTP brand-name SMS gateway and a Zalo ZNS-style template API.
  SMS_GATEWAY_URL: z.url({ error: 'SMS_GATEWAY_URL phải là URL đầy đủ (must be a full URL)' }).optional(),
  SMS_API_KEY: z.string().optional(),
  SMS_SECRET_KEY: z.string().optional(),
  SMS_BRAND_NAME: z.string().max(11).optional(),
  ZNS_GATEWAY_URL: z.url({ error: 'ZNS_GATEWAY_URL phải là URL đầy đủ (must be a full URL)' }).optional(),
  ZNS_ACCESS_TOKEN: z.string().optional(),
  /** JSON object: notice template name → ZNS template id, e.g. {"learners.code":"231456"}. */
  ZNS_TEMPLATES: z.string().optional(),
  METRICS_TOKEN: z.string().min(16).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  SEED_DEMO: z.enum(['true', 'false']).optional(),
  CREDENTIALS_KEY: z
    .string()
    .regex(
      /^[A-Za-z0-9_-]{43}={0,1}$/,
      'CREDENTIALS_KEY phải là 32 byte base64url, ví dụ `openssl rand -base64 32 | tr "+/" "-_"` (32 bytes, base64url)',
    )
    .optional(),
  JOB_RUNNER: z.enum(['true', 'false']).default('true'),
  WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  PAGE_CACHE_TTL_MS: z.coerce.number().int().min(0).max(60_000).optional(),
  SESSION_CACHE_TTL_MS: z.coerce.number().int().min(0).max(60_000).optional(),
  SIGNED_IN_PAGE_CACHE_TTL_MS: z.coerce.number().int().min(0).max(60_000).optional(),
  API_CACHE_TTL_MS: z.coerce.number().int().min(0).max(60_000).optional(),
  TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|[0-9])$/,
      'TRUST_PROXY phải là true, false hoặc số proxy 0–9 (must be true, false or the number of proxies 0–9)',
    )
    .default('false'),
});

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  embedded: boolean;
  publicUrl: string;
  secureCookies: boolean;
  sessionSecret: string;
  smtp:
    | { host: string; port: number; user?: string; password?: string; secure: boolean; from: string }
    | undefined;
  mailFrom: string;
  /** Phone notice providers; absent ones are skipped (with none, notices land in the outbox). */
  sms: { url: string; apiKey: string; secretKey: string; brandName: string } | undefined;
  zns: { url: string; accessToken: string; templates: Record<string, string> } | undefined;
  metricsToken: string | undefined;
  logLevel: string;
  seedDemo: boolean;
  workers: number;
  /**
   * How long an anonymous public page may be answered from memory (src/http/public-page-cache.server.ts,
   * ADR 0013). 0 turns it off; PAGE_CACHE_TTL_MS, default 5000 in production and 0 otherwise.
   */
  pageCacheTtlMs: number;
  /**
   * How long a process may answer "who is this session" from memory (auth.session-cache.server.ts, ADR 0013):
   * the longest a revoked session keeps working if its notification is lost. 0 turns it off;
   * SESSION_CACHE_TTL_MS, default 2000 in production and 0 otherwise.
   */
  sessionCacheTtlMs: number;
  /**
   * How long a process may answer an opted-in signed-in page (route `handle.pageCache`) from memory
   * (src/http/signed-in-page-cache.server.ts, ADR 0013). Changes are announced by notifications; this is
   * the backstop. 0 turns it off; SIGNED_IN_PAGE_CACHE_TTL_MS, default 10000 in production and 0 otherwise.
   */
  signedInPageCacheTtlMs: number;
  /**
   * How long a process may answer a page of GET /api/v1/plan/tasks from memory (plan/work/task-page-cache,
   * ADR 0013): the longest a change stays unseen if its notification is lost. 0 turns it off;
   * API_CACHE_TTL_MS, default 2000 in production and 0 otherwise.
   */
  apiCacheTtlMs: number;
  /** Run background jobs and schedules in this process (JOB_RUNNER=false to leave them to other instances). */
  jobRunner: boolean;
  /**
   * Encrypts the issuing units' private signing keys at rest (32 bytes, base64url). Generated beside the data
   * only in embedded demo mode; with DATABASE_URL it must be given, or issuing credentials is refused.
   */
  credentialsKey: string | undefined;
  /** How many reverse proxies in front of us append to X-Forwarded-For; 0 = use the socket address. */
  trustProxyHops: number;
  /** PUBLIC_URL was set (not the http://localhost:PORT fallback). */
  publicUrlSet: boolean;
  /**
   * The OAI-PMH repository's own identity. `adminEmail` is null when no valid address is configured: the
   * provider then answers 503 rather than hand a harvester an Identify that fails the OAI-PMH schema.
   */
  oai: { repositoryName: string; adminEmail: string | null };
}

/** OAI-PMH.xsd `emailType`: the pattern every `adminEmail` must match. */
export const OAI_EMAIL_PATTERN = /^\S+@(\S+\.)+\S+$/;

const DEMO_OAI_EMAIL = 'admin@demo.suotdoi.vn';

/** The address inside `Name <address>` (or the whole value). */
function addressOf(from: string): string {
  return (/<([^>]+)>/.exec(from)?.[1] ?? from).trim();
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Cấu hình không hợp lệ (invalid configuration):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

/**
 * `terminal`: output goes to a person's terminal. Unless LOG_LEVEL says otherwise, logs are then at warn, so
 * info lines (jobs, schedules) do not bury the address and the demo login; JSON logs elsewhere stay at info.
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  opts: { terminal?: boolean } = { terminal: Boolean(process.stdout.isTTY) },
): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const embedded = !e.DATABASE_URL;
  const dataDir = resolve(e.DATA_DIR);
  const problems: string[] = [];
  let sessionSecret = e.SESSION_SECRET;
  if (!sessionSecret) {
    if (embedded) sessionSecret = readOrCreateSecret(dataDir);
    else problems.push('SESSION_SECRET: bắt buộc khi dùng DATABASE_URL (required with DATABASE_URL)');
  }
  if (e.SMTP_HOST && !e.SMTP_PORT)
    problems.push('SMTP_PORT: bắt buộc khi có SMTP_HOST (required with SMTP_HOST)');
  if (e.OAI_ADMIN_EMAIL !== undefined && !OAI_EMAIL_PATTERN.test(e.OAI_ADMIN_EMAIL))
    problems.push(
      'OAI_ADMIN_EMAIL: phải là địa chỉ email đầy đủ, ví dụ thuvien@khanhhoa.gov.vn (must be a full email address)',
    );
  let znsTemplates: Record<string, string> = {};
  if (e.ZNS_TEMPLATES) {
    const t = z.record(z.string(), z.string()).safeParse(safeJson(e.ZNS_TEMPLATES));
    if (t.success) znsTemplates = t.data;
    else
      problems.push('ZNS_TEMPLATES: phải là JSON {"tên mẫu": "mã mẫu"} (must be a JSON object of strings)');
  }
  if (e.SMS_GATEWAY_URL && !e.SMS_API_KEY)
    problems.push('SMS_API_KEY: bắt buộc khi có SMS_GATEWAY_URL (required with SMS_GATEWAY_URL)');
  if (e.ZNS_GATEWAY_URL && !e.ZNS_ACCESS_TOKEN)
    problems.push('ZNS_ACCESS_TOKEN: bắt buộc khi có ZNS_GATEWAY_URL (required with ZNS_GATEWAY_URL)');
  if (problems.length) throw new ConfigError(problems);
  const seedDemo = e.SEED_DEMO ? e.SEED_DEMO === 'true' : embedded;
  const configuredOaiEmail = e.OAI_ADMIN_EMAIL ?? addressOf(e.SMTP_FROM);
  // The embedded demo names its own demo administrator (src/modules/access/access.seed.server.ts).
  const derivedOaiEmail =
    !OAI_EMAIL_PATTERN.test(configuredOaiEmail) && embedded && seedDemo ? DEMO_OAI_EMAIL : configuredOaiEmail;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    embedded,
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    sessionSecret: sessionSecret!,
    smtp:
      e.SMTP_HOST && e.SMTP_PORT
        ? {
            host: e.SMTP_HOST,
            port: e.SMTP_PORT,
            ...(e.SMTP_USER ? { user: e.SMTP_USER } : {}),
            ...(e.SMTP_PASSWORD ? { password: e.SMTP_PASSWORD } : {}),
            secure: e.SMTP_SECURE === 'true',
            from: e.SMTP_FROM,
          }
        : undefined,
    mailFrom: e.SMTP_FROM,
    sms:
      e.SMS_GATEWAY_URL && e.SMS_API_KEY
        ? {
            url: e.SMS_GATEWAY_URL,
            apiKey: e.SMS_API_KEY,
            secretKey: e.SMS_SECRET_KEY ?? '',
            brandName: e.SMS_BRAND_NAME ?? 'SuotDoi',
          }
        : undefined,
    zns:
      e.ZNS_GATEWAY_URL && e.ZNS_ACCESS_TOKEN
        ? { url: e.ZNS_GATEWAY_URL, accessToken: e.ZNS_ACCESS_TOKEN, templates: znsTemplates }
        : undefined,
    metricsToken: e.METRICS_TOKEN,
    logLevel: e.LOG_LEVEL ?? (opts.terminal ? 'warn' : 'info'),
    seedDemo,
    workers: e.WORKERS,
    pageCacheTtlMs: e.PAGE_CACHE_TTL_MS ?? (e.NODE_ENV === 'production' ? 5000 : 0),
    sessionCacheTtlMs: e.SESSION_CACHE_TTL_MS ?? (e.NODE_ENV === 'production' ? 2000 : 0),
    signedInPageCacheTtlMs: e.SIGNED_IN_PAGE_CACHE_TTL_MS ?? (e.NODE_ENV === 'production' ? 10_000 : 0),
    apiCacheTtlMs: e.API_CACHE_TTL_MS ?? (e.NODE_ENV === 'production' ? 2000 : 0),
    jobRunner: e.JOB_RUNNER === 'true',
    credentialsKey:
      e.CREDENTIALS_KEY ?? (embedded ? readOrCreateSecret(dataDir, 'credentials-key', 32) : undefined),
    trustProxyHops: e.TRUST_PROXY === 'true' ? 1 : e.TRUST_PROXY === 'false' ? 0 : Number(e.TRUST_PROXY),
    publicUrlSet: e.PUBLIC_URL !== undefined,
    oai: {
      repositoryName: e.OAI_REPOSITORY_NAME ?? 'Suốt Đời — Mục lục chung / Union catalogue',
      adminEmail: OAI_EMAIL_PATTERN.test(derivedOaiEmail) ? derivedOaiEmail : null,
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Embedded mode keeps its generated secret beside the data so sessions survive restarts. */
/**
 * What the server (not the CLI tools) additionally needs: with PostgreSQL (production), PUBLIC_URL, because
 * every link in mail, feeds, manifests and OAI responses is built from it.
 */
export function serverConfigProblems(config: Config): string[] {
  return !config.embedded && !config.publicUrlSet
    ? [
        'PUBLIC_URL: bắt buộc khi dùng DATABASE_URL, ví dụ https://hoctap.example.vn (required with DATABASE_URL: links in mail, feeds and OAI are built from it)',
      ]
    : [];
}

function readOrCreateSecret(dataDir: string, name = 'session-secret', bytes = 48): string {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(bytes).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

// Public JSON-LD over plain HTTP for verifiers: a credential's JSON, the issuer profile with its keys, the
// unit's revocation list and the achievement's badge image. Hidden credentials answer 404 to everyone.
import type { Hono } from 'hono';
import type { AppDeps } from '../../app/deps.types.ts';
import type { HonoEnv } from '../../http/env.ts';
import { notFound } from '../../lib/errors.ts';
import { issuerProfile } from './credentials.document.server.ts';
import { credentialJwt } from './credentials.jwt.server.ts';
import { unitStatusList } from './credentials.verify.server.ts';

const LD = 'application/ld+json; charset=utf-8';
const SAFE_ID = /^[a-z0-9_]{1,64}$/;

export function badgeSvg(color: string, label: string): string {
  // The first letters of the first two words ("Bạn của thư viện" → "BC"); a one-word name gives its first two.
  const words = label
    .normalize('NFC')
    .replace(/[<>&"']/g, '')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const letters = (w: string, n: number) => [...w].slice(0, n).join('');
  const initials = (
    words.length >= 2
      ? `${letters(words[0] ?? '', 1)}${letters(words[1] ?? '', 1)}`
      : letters(words[0] ?? '', 2)
  ).toLocaleUpperCase('vi');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" role="img"><circle cx="100" cy="100" r="92" fill="${color}"/><circle cx="100" cy="100" r="76" fill="none" stroke="#fff" stroke-width="6"/><text x="100" y="118" font-family="sans-serif" font-size="52" font-weight="700" text-anchor="middle" fill="#fff">${initials}</text></svg>`;
}

export function mountCredentialRoutes(app: Hono<HonoEnv>, deps: AppDeps): void {
  app.get('/credentials/issuers/:unitId', async (c) => {
    const unitId = c.req.param('unitId');
    const unit = SAFE_ID.test(unitId) ? await deps.repos.units.get(deps.db, unitId) : undefined;
    if (!unit) throw notFound('credentials.issuer');
    const keys = await deps.repos.credentials.keysOfUnit(deps.db, unitId);
    const body = issuerProfile(deps.config.publicUrl, { id: unit.id, name: unit.name }, keys);
    return c.body(JSON.stringify(body, null, 2), 200, {
      'Content-Type': LD,
      'Cache-Control': 'public, max-age=300',
    });
  });

  app.get('/credentials/status/:unitId', async (c) => {
    const unitId = c.req.param('unitId');
    const list = SAFE_ID.test(unitId) ? await unitStatusList(deps, unitId) : null;
    if (!list) throw notFound('credentials.status');
    return c.body(JSON.stringify(list), 200, { 'Content-Type': LD, 'Cache-Control': 'public, max-age=60' });
  });

  app.get('/credentials/achievements/:id/image.svg', async (c) => {
    const id = c.req.param('id');
    const a = SAFE_ID.test(id) ? await deps.repos.credentials.achievement(deps.db, id) : null;
    if (!a) throw notFound('credentials.achievement');
    return c.body(badgeSvg(a.imageColor, a.nameVi), 200, {
      'Content-Type': 'image/svg+xml',
      'Cache-Control': 'public, max-age=3600',
    });
  });

  app.get('/credentials/:id/credential.json', async (c) => {
    const id = c.req.param('id');
    const award = SAFE_ID.test(id) ? await deps.repos.credentials.award(deps.db, id) : null;
    if (!award || award.hidden) throw notFound('credentials.credential');
    return c.body(JSON.stringify(award.document, null, 2), 200, {
      'Content-Type': LD,
      'Content-Disposition': `attachment; filename="${id}.json"`,
      'Cache-Control': 'no-store',
    });
  });

  // The same credential as a VC-JWT (VC-JOSE-COSE), for wallets and verifiers that read JOSE.
  app.get('/credentials/:id/credential.jwt', async (c) => {
    const id = c.req.param('id');
    const jwt = SAFE_ID.test(id) ? await credentialJwt(deps, id) : null;
    if (!jwt) throw notFound('credentials.credential');
    return c.body(jwt, 200, {
      'Content-Type': 'application/vc+jwt',
      'Content-Disposition': `attachment; filename="${id}.jwt"`,
      'Cache-Control': 'no-store',
    });
  });
}

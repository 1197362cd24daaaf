// What the credentials pages show: the public verification view of one credential (with its QR code) and the
// back office's form options. Hidden credentials are shown only to their holder.
import QRCode from 'qrcode';
import type { AppDeps } from '../../app/deps.types.ts';
import { can } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { AppError } from '../../lib/errors.ts';
import { currentLearner } from '../learners/index.server.ts';
import { pathsOfUnits } from '../learning/index.server.ts';
import { issuerUrl, statusListUrl } from './credentials.document.server.ts';
import { type Verification, verifyDocument } from './credentials.verify.server.ts';

type PageDeps = Pick<AppDeps, 'db' | 'repos' | 'now' | 'config'>;

export interface CredentialView {
  id: string;
  verification: Verification;
  recipientName: string;
  unit: { id: string; name: string };
  achievement: { id: string; nameVi: string; nameEn: string; criteriaVi: string; imageAlt: string };
  issuedAt: Date;
  validUntil: Date | null;
  revokedReason: string | null;
  hidden: boolean;
  mine: boolean;
  urls: { page: string; json: string; issuer: string; statusList: string; image: string };
}

export async function credentialView(deps: PageDeps, actor: Actor, id: string): Promise<CredentialView> {
  const notFound = new AppError('credentials.not_found', 404, 'error.notFound');
  if (!/^[a-z0-9_]{1,64}$/.test(id)) throw notFound;
  const award = await deps.repos.credentials.award(deps.db, id);
  if (!award) throw notFound;
  const me = await currentLearner(actor);
  const mine = me?.id === award.learnerId;
  if (award.hidden && !mine) throw notFound;
  const [achievement, unit] = await Promise.all([
    deps.repos.credentials.achievement(deps.db, award.achievementId),
    deps.repos.units.get(deps.db, award.unitId),
  ]);
  if (!achievement || !unit) throw notFound;
  const base = deps.config.publicUrl;
  return {
    id,
    verification: await verifyDocument(deps, award.document),
    recipientName: award.recipientName,
    unit: { id: unit.id, name: unit.name },
    achievement,
    issuedAt: award.issuedAt,
    validUntil: award.validUntil,
    revokedReason: award.revokedReason,
    hidden: award.hidden,
    mine,
    urls: {
      page: `${base}/credentials/${id}`,
      json: `/credentials/${id}/credential.json`,
      issuer: new URL(issuerUrl(base, unit.id)).pathname,
      statusList: new URL(statusListUrl(base, unit.id)).pathname,
      image: `/credentials/achievements/${achievement.id}/image.svg`,
    },
  };
}

/** The QR code (SVG) of the credential's verification page, for the printed certificate. */
export function verificationQrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}

/** Units the actor may define achievements for (open units only), by name. */
export async function achievementUnits(deps: PageDeps, actor: Actor) {
  return (await deps.repos.units.all(deps.db))
    .filter((u) => !u.validTo && can(actor, 'credentials.achievement.create', { unitId: u.id }))
    .map((u) => ({ id: u.id, name: u.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** The learning paths a "path completed" rule may name: those of the units the actor may act for. */
export async function rulePathOptions(deps: PageDeps, actor: Actor) {
  const units = (await deps.repos.units.all(deps.db)).filter((u) =>
    can(actor, 'credentials.achievement.update', { unitId: u.id }),
  );
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const paths = await pathsOfUnits(deps, [...unitName.keys()]);
  return paths
    .map((p) => ({
      id: p.id,
      title: p.title,
      unitName: unitName.get(p.unitId) ?? '',
      draft: p.status !== 'published',
    }))
    .sort((a, b) => a.title.localeCompare(b.title, 'vi'));
}

export function mayEditRule(actor: Actor, unitId: string): boolean {
  return can(actor, 'credentials.achievement.update', { unitId });
}

export function canRevoke(actor: Actor, unitId: string): boolean {
  return can(actor, 'credentials.award.revoke', { unitId });
}

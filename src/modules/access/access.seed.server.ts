// Demo accounts (demo mode only, first start only; see docs/demo-accounts.md). Every demo account shares
// one random password, generated here and printed once by the server; nothing fixed is ever documented.
import { randomInt } from 'node:crypto';
import type { AppDeps } from '../../app/deps.types.ts';
import { createUserWithPassword } from '../auth/auth.users.server.ts';
import { grantRoleAsSystem } from './access.grants.server.ts';
import type { GrantableRole } from './access.schemas.server.ts';

export const DEMO_ADMIN_EMAIL = 'admin@demo.suotdoi.vn';

export const DEMO_ACCOUNTS: ReadonlyArray<{
  email: string;
  name: string;
  role: GrantableRole;
  unitCode: string;
}> = [
  { email: DEMO_ADMIN_EMAIL, name: 'Quản trị viên (demo)', role: 'administrator', unitCode: 'so-vhttdl' },
  {
    email: 'lanhdao@demo.suotdoi.vn',
    name: 'Đặng Hữu Phước (demo)',
    role: 'leader',
    unitCode: 'ban-giam-doc',
  },
  {
    email: 'qlvhgd@demo.suotdoi.vn',
    name: 'Phạm Quốc Bảo (demo)',
    role: 'department_officer',
    unitCode: 'phong-qlvhgd',
  },
  {
    email: 'khtc@demo.suotdoi.vn',
    name: 'Võ Thị Lan (demo)',
    role: 'finance_officer',
    unitCode: 'phong-khtc',
  },
  {
    email: 'thuvien.giamdoc@demo.suotdoi.vn',
    name: 'Trần Văn Minh (demo)',
    role: 'unit_manager',
    unitCode: 'thu-vien-tinh',
  },
  {
    email: 'thuvien.nhanvien@demo.suotdoi.vn',
    name: 'Nguyễn Thị Thu (demo)',
    role: 'unit_staff',
    unitCode: 'thu-vien-tinh',
  },
  {
    email: 'baotang.nhanvien@demo.suotdoi.vn',
    name: 'Lê Thị Hoa (demo)',
    role: 'unit_staff',
    unitCode: 'bao-tang-tinh',
  },
];

/** A citizen account without any role (demo mode only). */
export const DEMO_CITIZEN = { email: 'hocvien@demo.suotdoi.vn', name: 'Nguyễn Văn An (demo)' } as const;

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Readable and strong enough for a demo: `demo-` and three groups of five (≈ 74 bits). */
export function demoPassword(): string {
  const group = () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `demo-${group()}-${group()}-${group()}`;
}

/**
 * Creates the demo accounts that do not exist yet and grants their roles. Returns the shared password
 * only when the administrator account was created now (otherwise it was printed on an earlier start).
 */
export async function seedDemoAccounts(
  deps: AppDeps,
): Promise<{ adminEmail: string; adminPassword?: string }> {
  const password = demoPassword();
  let adminCreated = false;
  for (const account of DEMO_ACCOUNTS) {
    const unit = await deps.repos.units.byCode(deps.db, account.unitCode);
    if (!unit) {
      deps.logger.warn({ unitCode: account.unitCode }, 'demo account skipped: unit not seeded');
      continue;
    }
    if (await deps.repos.access.findUserByEmail(deps.db, account.email)) continue;
    const { id } = await createUserWithPassword(deps, { email: account.email, name: account.name, password });
    await grantRoleAsSystem(deps, { userId: id, role: account.role, unitId: unit.id });
    if (account.email === DEMO_ADMIN_EMAIL) adminCreated = true;
  }
  // One demo citizen (no back-office role), for the learner's-record journey; same shared password.
  if (adminCreated && !(await deps.repos.access.findUserByEmail(deps.db, DEMO_CITIZEN.email)))
    await createUserWithPassword(deps, { ...DEMO_CITIZEN, password });
  return adminCreated
    ? { adminEmail: DEMO_ADMIN_EMAIL, adminPassword: password }
    : { adminEmail: DEMO_ADMIN_EMAIL };
}

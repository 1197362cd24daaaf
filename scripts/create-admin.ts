// `npm run create-admin -- <email> "<full name>"`: the first administrator of a real installation.
// Creates the account (or reuses it), grants `administrator` on the root unit, and sends a set-password
// link. Without SMTP the link goes to the outbox, so it is also printed here for the operator.

import { buildDeps } from '../src/app/build-deps.server.ts';
import { seedReference } from '../src/app/seeds.server.ts';
import { loadConfig } from '../src/config.server.ts';
import { migrationsCurrent } from '../src/db/migrate.server.ts';
import { createLogger } from '../src/lib/logger.server.ts';
import { grantRoleAsSystem } from '../src/modules/access/access.grants.server.ts';
import { createUserWithPassword, sendPasswordSetupLink } from '../src/modules/auth/auth.users.server.ts';
import { openDatabaseForTool } from '../src/ops/open-for-tool.server.ts';

const [email, ...nameParts] = process.argv.slice(2);
const name = nameParts.join(' ').trim();
if (!email || !name) {
  console.error('Cách dùng / usage: npm run create-admin -- <email> "<Họ và tên>"');
  process.exit(2);
}

const config = loadConfig();
const dbh = await openDatabaseForTool(config, 2);
try {
  if (!(await migrationsCurrent(dbh).catch(() => false))) {
    console.error('Cơ sở dữ liệu chưa cập nhật: chạy `npm run migrate` trước (run `npm run migrate` first).');
    process.exit(1);
  }
  const deps = buildDeps(config, dbh, createLogger('warn'));
  await seedReference(deps);
  const rootCode = (await deps.repos.settings.get<string>('units.root_code')) ?? 'so-vhttdl';
  const root = await deps.repos.units.byCode(deps.db, rootCode);
  if (!root) throw new Error(`Root unit ${rootCode} not found`);
  const existing = await deps.repos.auth.findUserByEmail(email.trim().toLowerCase().normalize('NFC'));
  const userId = existing?.id ?? (await createUserWithPassword(deps, { email, name })).id;
  await grantRoleAsSystem(deps, { userId, role: 'administrator', unitId: root.id });
  await sendPasswordSetupLink(deps, email, 'invitation');
  console.log(`Đã cấp quyền quản trị cho / administrator granted to: ${email} (${root.name})`);
  if (!config.smtp) {
    const [mail] = await deps.repos.outbox.latest(1, email.trim().toLowerCase());
    if (mail) console.log(`\nChưa cấu hình SMTP; thư mời / no SMTP, invitation mail:\n\n${mail.body_text}\n`);
  }
} finally {
  await dbh.close();
}

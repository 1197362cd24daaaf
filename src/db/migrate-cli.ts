// `npm run migrate`: applies pending migrations to DATABASE_URL (or the embedded database).
import { loadConfig } from '../config.server.ts';
import { openDatabaseForTool } from '../ops/open-for-tool.server.ts';
import { migrate } from './migrate.server.ts';

const config = loadConfig();
const h = await openDatabaseForTool(config, 1);
try {
  const applied = await migrate(h);
  console.log(
    applied.length
      ? `Đã áp dụng / applied: ${applied.join(', ')}`
      : 'Cơ sở dữ liệu đã cập nhật / already up to date',
  );
} finally {
  await h.close();
}

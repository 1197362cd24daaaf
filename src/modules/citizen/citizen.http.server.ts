// The commune's yearly list of recognised citizens as a spreadsheet (CSV a spreadsheet opens safely), for the
// reviewer's units only.
import type { Hono } from 'hono';
import type { AppDeps } from '../../app/deps.types.ts';
import type { HonoEnv } from '../../http/env.ts';
import { toCsv } from '../../lib/csv.ts';
import { formatIsoDay, isoDateInVietnam, yearInVietnam } from '../../lib/dates.ts';
import { reviewQueue } from './citizen.usecases.server.ts';

export function mountCitizenRoutes(app: Hono<HonoEnv>, deps: AppDeps): void {
  app.get('/admin/citizen/recognised.csv', async (c) => {
    const asked = Number(c.req.query('year'));
    const year =
      Number.isInteger(asked) && asked >= 2020 && asked <= 2100 ? asked : yearInVietnam(deps.now());
    const list = (await reviewQueue(deps, c.get('actor'), year)).filter((a) => a.status === 'recognised');
    const rows = [
      ['Năm', 'Họ tên', 'Xã/phường', 'Đơn vị xét', 'Tổng điểm', 'Ngày công nhận', 'Chứng nhận'],
      ...list.map((a) => [
        a.year,
        a.name,
        a.commune,
        a.unitId,
        a.total,
        a.reviewedAt ? formatIsoDay(isoDateInVietnam(a.reviewedAt)) : '',
        a.credentialId ? `${deps.config.publicUrl}/credentials/${a.credentialId}` : '',
      ]),
    ];
    return c.body(toCsv(rows), 200, {
      'Cache-Control': 'no-store',
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="cong-dan-hoc-tap-${year}.csv"`,
    });
  });
}

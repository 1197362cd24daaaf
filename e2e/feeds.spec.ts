// Calendars: the administrator publishes an event for the Lifelong-Learning Week through the API; the public
// month view shows it on the highlighted week (with and without JavaScript, on a phone), the commemorative-day
// overview counts its unit as covered, and the .ics downloads answer as calendars. Every page passes axe.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import {
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutJs,
  expectNoHorizontalOverflow,
} from './fixtures.ts';

const YEAR = new Date().getUTCFullYear() + 1;
const TITLE = `Tuần lễ học tập suốt đời: ngày hội đọc — ${Date.now().toString(36)}`;

function demoAdmin(): { email: string; password: string } {
  const file = join(process.env.E2E_DATA_DIR ?? '', 'e2e-demo-admin.json');
  return JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string };
}

async function signIn(page: Page, next: string) {
  const { email, password } = demoAdmin();
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(new RegExp(next.replace(/[?]/g, '\\?')));
}

let eventId = '';

test.describe
  .serial('event calendars', () => {
    test('staff publish an event; the overview shows the unit covered for the week', async ({ page }) => {
      await signIn(page, `/admin/events/commemorative?year=${YEAR}`);
      const week = page.locator('#tuan-le-hoc-tap-suot-doi');
      const libraryLine = week.getByRole('listitem').filter({ hasText: /^Thư viện tỉnh( —|$)/ });
      const countOf = async () =>
        Number(/— (\d+) sự kiện/.exec((await libraryLine.textContent()) ?? '')?.[1] ?? 0);
      const before = await countOf();
      const tree = (await (await page.request.get('/api/v1/units')).json()) as
        | { units: Array<{ id: string; code: string }> }
        | Array<{ id: string; code: string }>;
      const units = Array.isArray(tree) ? tree : tree.units;
      const library = units.find((u) => u.code === 'thu-vien-tinh');
      expect(library).toBeTruthy();
      const res = await page.request.post('/api/v1/events', {
        data: {
          unitId: library?.id,
          title: TITLE,
          description: 'Đọc sách, giao lưu; tặng sách',
          category: 'reading',
          audience: ['families'],
          onlineUrl: 'https://hop.example.vn/ngay-hoi-doc',
          capacity: 50,
          status: 'published',
          schedule: { firstDate: `${YEAR}-10-03`, startTime: '08:00', endTime: '10:30', weekly: null },
        },
      });
      expect(res.status(), await res.text()).toBe(201);
      eventId = ((await res.json()) as { id: string }).id;

      await page.goto(`/admin/events/commemorative?year=${YEAR}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Các ngày kỷ niệm năm ${YEAR}`);
      expect(await countOf()).toBe(before + 1);
      await expectNoAxeViolations(page);
    });

    test('the public month view highlights the week and lists the event, with JavaScript', async ({
      page,
    }) => {
      await page.goto(`/events/calendar?month=${YEAR}-10`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Lịch sự kiện tháng 10/${YEAR}`);
      // 1–7 October (the week, with 2/10 inside it) and 10/10.
      await expect(page.locator('td.cal-marked')).toHaveCount(8);
      await expect(page.getByRole('link', { name: TITLE }).first()).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test.describe('on a phone without JavaScript', () => {
      test.use({ javaScriptEnabled: false, viewport: { width: 320, height: 640 }, isMobile: true });
      test('finds the day and opens its list', async ({ page }) => {
        await page.goto(`/events/calendar?month=${YEAR}-10`);
        await expectNoHorizontalOverflow(page);
        await page.getByRole('link', { name: '3', exact: true }).click();
        await expect(page.getByRole('heading', { name: `Sự kiện ngày 03/10/${YEAR}` })).toBeVisible();
        await expect(page.getByRole('link', { name: TITLE })).toBeVisible();
        await expectNoHorizontalOverflow(page);
        await expectNoAxeViolationsWithoutJs(page);
      });
    });

    test('iCalendar downloads answer as calendars', async ({ request }) => {
      const all = await request.get('/feeds/events.ics');
      expect(all.status()).toBe(200);
      expect(all.headers()['content-type']).toBe('text/calendar; charset=utf-8');
      expect(await all.text()).toContain('BEGIN:VCALENDAR');
      const one = await request.get(`/feeds/events/${eventId}.ics`);
      expect(one.status()).toBe(200);
      expect(one.headers()['content-type']).toBe('text/calendar; charset=utf-8');
      expect(one.headers()['content-disposition']).toBe(`attachment; filename="${eventId}.ics"`);
      const body = await one.text();
      expect(body).toContain(`DTSTART;TZID=Asia/Ho_Chi_Minh:${YEAR}1003T080000`);
      expect(body).toContain('DESCRIPTION:Đọc sách\\, giao lưu\\; tặng sách');
    });
  });

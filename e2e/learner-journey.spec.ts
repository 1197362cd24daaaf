// Issue 12's journey on a 360 px phone, without JavaScript where the flow allows (the whole citizen side): a
// parent signs up with a phone code (read from the outbox, where codes land with no SMS gateway configured),
// adds a child with both consents and switches to the child; the child follows a short path and passes its
// quiz, joins a reading challenge and registers for tomorrow's talk; staff check the child in at the door; the child's
// record then shows the talk and the path — written by the platform, never logged by the child. Every page
// passes axe; the record passes with JavaScript on too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, expect, type Page, test } from '@playwright/test';
import {
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutJs,
  expectNoHorizontalOverflow,
} from './fixtures.ts';

const PHONE = { width: 360, height: 740 };
const STAMP = Date.now().toString(36);
const TALK = `Nói chuyện: Sách cho thiếu nhi — ${STAMP}`;
const CHALLENGE = `Thử thách đọc cùng gia đình — ${STAMP}`;

function demoAdmin(): { email: string; password: string } {
  const file = join(process.env.E2E_DATA_DIR ?? '', 'e2e-demo-admin.json');
  return JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string };
}

async function phone(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, viewport: PHONE });
  return context.newPage();
}

async function check(page: Page, withoutJs = true) {
  await (withoutJs ? expectNoAxeViolationsWithoutJs(page) : expectNoAxeViolations(page));
  await expectNoHorizontalOverflow(page);
}

const day = (offset: number) =>
  new Date(Date.now() + 7 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

test('a parent signs up by phone, adds a child who learns, joins a challenge, attends a talk and sees it all on the record', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const { email, password } = demoAdmin();
  const staff = await phone(browser, true);
  await staff.goto('/sign-in?next=/admin/learning');
  await staff.getByLabel('Email', { exact: true }).fill(email);
  await staff.getByLabel('Mật khẩu').fill(password);
  await staff.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(staff).toHaveURL(/\/admin\/learning/);

  // Staff: a reading challenge running now, and a talk today.
  const newChallenge = staff.locator('details', { hasText: 'Tạo thử thách đọc mới' });
  await newChallenge.locator('summary').click();
  const challengeUnit = newChallenge.getByLabel('Đơn vị', { exact: true });
  await challengeUnit.selectOption(
    (await challengeUnit.locator('option', { hasText: 'Thư viện' }).first().getAttribute('value')) ?? '',
  );
  await newChallenge.getByLabel('Tiêu đề').fill(CHALLENGE);
  await newChallenge.getByLabel('Ngày bắt đầu').fill(day(-1));
  await newChallenge.getByLabel('Ngày kết thúc').fill(day(30));
  await newChallenge.getByLabel('Mục tiêu', { exact: true }).fill('3');
  await newChallenge.getByRole('button', { name: 'Tạo thử thách' }).click();
  await expect(staff).toHaveURL(/\/admin\/learning\/challenges\/rch_[a-z2-9]{16}\?done=created/);
  await staff.getByRole('button', { name: 'Xuất bản' }).click();
  await expect(staff.getByRole('status')).toHaveText('Đã xuất bản.');

  await staff.goto('/admin/events/new');
  const unit = staff.getByLabel('Đơn vị tổ chức');
  await unit.selectOption(
    (await unit.locator('option', { hasText: 'Thư viện' }).first().getAttribute('value')) ?? '',
  );
  await staff.getByLabel('Tên sự kiện').fill(TALK);
  await staff.getByLabel('Loại hoạt động').selectOption('talk');
  await staff.getByLabel('Địa điểm').selectOption({ index: 1 });
  await staff.getByLabel('Ngày (buổi đầu)').fill(day(1));
  await staff.getByLabel('Giờ bắt đầu').fill('08:00');
  await staff.getByLabel('Giờ kết thúc').fill('09:30');
  await staff.getByLabel('Trạng thái').selectOption('published');
  await staff.getByRole('button', { name: 'Tạo sự kiện' }).click();
  await expect(staff).toHaveURL(/\/admin\/events\/evt_[a-z2-9]{16}\?done=created/);
  const eventId = /evt_[a-z2-9]{16}/.exec(staff.url())?.[0] as string;

  // The parent signs up with a phone code, without JavaScript.
  const digits = String(Date.now() % 10_000_000).padStart(7, '0');
  const e164 = `+8498${digits}`;
  const parent = await phone(browser, false);
  await parent.goto('/sign-in/phone');
  await check(parent);
  await parent.getByLabel('Số điện thoại di động').fill(`098${digits}`);
  await parent.getByRole('button', { name: 'Gửi mã' }).click();
  await expect(parent.getByRole('status')).toContainText('+84 98••••');
  await staff.goto(`/admin/outbox?to=${encodeURIComponent(e164)}`);
  const code = /\b(\d{6})\b/.exec((await staff.locator('pre.mail-body').first().textContent()) ?? '')?.[1];
  expect(code).toBeTruthy();
  await parent.getByLabel('Mã gồm 6 chữ số').fill(code as string);
  await parent.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(parent).toHaveURL(/\/my\/profile\/usr_[a-z2-9]+\?welcome=1$/);
  await parent.getByLabel('Tên hiển thị').fill('Anh Tuấn');
  await parent.getByLabel('Năm sinh').fill('1985');
  await parent.getByRole('button', { name: 'Lưu hồ sơ' }).click();
  await expect(parent.getByRole('status')).toContainText('Đã lưu hồ sơ');

  // A ten-year-old child, with the guardian's and the child's consent; then one tap to act as the child.
  await parent.goto('/my');
  await parent.getByRole('link', { name: 'Thêm thành viên gia đình' }).click();
  await parent.getByLabel('Tên hiển thị').fill('Bé Na');
  await parent.getByLabel('Năm sinh').fill(String(new Date().getFullYear() - 10));
  await parent.getByLabel(/cha, mẹ hoặc người giám hộ hợp pháp/).check();
  await parent.getByLabel(/trẻ đồng ý tham gia/).check();
  await parent.getByRole('button', { name: 'Thêm', exact: true }).click();
  await expect(parent).toHaveURL(/\/my$/);
  await parent.getByRole('button', { name: 'Chuyển sang Bé Na' }).click();
  await expect(parent.getByText('Đang dùng hồ sơ: Bé Na')).toBeVisible();
  await check(parent);

  // The child follows the library's short path (a page, then a quiz: one wrong answer, then right).
  await parent.goto('/learn');
  await check(parent);
  await parent.getByRole('link', { name: 'Làm quen với thư viện', exact: true }).click();
  await parent.getByRole('link', { name: 'Bắt đầu' }).click();
  await check(parent);
  await parent.getByRole('button', { name: 'Đánh dấu đã xong' }).click();
  await expect(parent.getByRole('heading', { level: 1, name: 'Kiểm tra nhanh' })).toBeVisible();
  await check(parent);
  await parent.getByLabel('23/4').check();
  await parent.getByLabel('Cho mượn sách').check();
  await parent.getByRole('button', { name: 'Nộp bài' }).click();
  await expect(parent.getByText(/Chưa đạt/).first()).toBeVisible();
  await parent.getByLabel('21/4').check();
  await parent.getByLabel('Cho mượn sách').check();
  await parent.getByLabel('Thư viện lưu động').check();
  await parent.getByRole('button', { name: 'Nộp bài' }).click();
  await expect(parent.getByText('Đạt: 100%')).toBeVisible();
  await expect(parent.getByText('Chúc mừng! Bạn đã hoàn thành lộ trình.')).toBeVisible();
  await check(parent);

  // The child joins the reading challenge.
  await parent.goto('/learn');
  await parent.getByRole('link', { name: CHALLENGE }).click();
  await parent.getByRole('button', { name: 'Tham gia' }).click();
  await expect(parent.getByText('Bạn đã tham gia thử thách.')).toBeVisible();
  await check(parent);

  // The child registers for the talk (the family member acting is preselected) and is checked in at the door.
  await parent.goto(`/events/${eventId}`);
  await expect(parent.getByLabel('Đăng ký cho')).toHaveValue(/.+/);
  await check(parent);
  await parent.getByRole('button', { name: /Đăng ký/ }).click();
  await expect(parent).toHaveURL(/\/events\/tickets\/[A-Z2-9-]+\?new=1$/);
  const ticket = (await parent.locator('.ticket-code').textContent())?.trim() as string;
  await staff.goto(`/admin/events/${eventId}/check-in`);
  await staff.getByRole('textbox', { name: 'Mã vé' }).fill(ticket);
  await staff.getByRole('button', { name: 'Điểm danh', exact: true }).click();
  await expect(staff.getByText(/Đã điểm danh/).first()).toBeVisible();

  // The child's record: the talk and the path, recorded by the platform; nothing was logged by hand.
  await parent.goto('/hoc-tap');
  await expect(parent.getByRole('heading', { level: 1 })).toContainText('Bé Na');
  const timeline = parent.getByRole('region', { name: 'Dòng thời gian' });
  await expect(timeline).toContainText(TALK);
  await expect(timeline).toContainText('Tham dự');
  await expect(timeline).toContainText('Làm quen với thư viện');
  await expect(timeline).toContainText('Đạt');
  await expect(timeline).toContainText('Nền tảng ghi nhận');
  await expect(
    parent.getByRole('table').getByRole('row').filter({ hasText: 'Nói chuyện chuyên đề' }),
  ).toContainText(/1[,.]5/);
  await check(parent);
  // The check-in credited the running challenge the child joined.
  await parent.goto('/learn');
  await parent.getByRole('link', { name: CHALLENGE }).click();
  await expect(parent.getByText(/Đã xác nhận/).first()).toBeVisible();

  // The record with JavaScript on passes axe too.
  const withJs = await browser.newContext({
    viewport: PHONE,
    storageState: await parent.context().storageState(),
  });
  const jsPage = await withJs.newPage();
  await jsPage.goto('/hoc-tap');
  await expect(jsPage.getByRole('region', { name: 'Dòng thời gian' })).toContainText(TALK);
  await check(jsPage, false);
  await withJs.close();
});

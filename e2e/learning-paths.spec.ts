// Learning journey on a 360 px phone: a library staff member writes a short path (a reading page and a quiz)
// and a reading challenge, and publishes both; a reader without JavaScript joins the challenge, follows the
// path, passes the quiz (the completion is credited to the challenge), logs a book and sees the progress bar.
// Every page passes axe. The reader is a demo account until citizen sign-up lands (accounts branch).
import { join } from 'node:path';
import { type Browser, expect, type Page, test } from '@playwright/test';
import {
  demoPassword,
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutJs,
  expectNoHorizontalOverflow,
} from './fixtures.ts';

const PHONE = { width: 360, height: 740 };
const STAMP = Date.now().toString(36);
const PATH_TITLE = `Làm quen với thư viện — ${STAMP}`;
const CHALLENGE_TITLE = `Thử thách đọc mùa đông — ${STAMP}`;
const SHOTS = process.env.LEARNING_SHOTS_DIR;

async function signIn(page: Page, email: string, next: string) {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Mật khẩu').fill(demoPassword());
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(new RegExp(next.replace(/[/?]/g, '\\$&')));
}

async function phone(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, viewport: PHONE });
  return context.newPage();
}

async function check(page: Page, name: string, withoutJs = false) {
  await (withoutJs ? expectNoAxeViolationsWithoutJs(page) : expectNoAxeViolations(page));
  await expectNoHorizontalOverflow(page);
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

const day = (offset: number) => {
  const d = new Date(Date.now() + 7 * 3600_000 + offset * 86_400_000);
  return d.toISOString().slice(0, 10);
};

test('staff publish a path with a quiz and a challenge; a reader without JavaScript follows, passes and reads', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const staff = await phone(browser, true);
  await signIn(staff, 'thuvien.nhanvien@demo.suotdoi.vn', '/admin/learning');
  await check(staff, 'admin-list');

  // A path: details, a reading page, a quiz; then publish.
  const newPath = staff.locator('details', { hasText: 'Tạo lộ trình học mới' });
  await newPath.locator('summary').click();
  await newPath.getByLabel('Tiêu đề').fill(PATH_TITLE);
  await newPath.getByLabel('Tóm tắt').fill('Hai bước ngắn: đọc và trả lời.');
  await newPath.getByRole('button', { name: 'Tạo lộ trình' }).click();
  await expect(staff).toHaveURL(/\/admin\/learning\/paths\/lpath_[a-z2-9]{16}\?done=created/);
  const pathId = /lpath_[a-z2-9]{16}/.exec(staff.url())?.[0] as string;
  const stepForm = staff.locator('form', { has: staff.locator('#step-kind') });
  const addStep = async (fill: () => Promise<void>) => {
    await staff.locator('details', { hasText: 'Thêm bước' }).locator('summary').click();
    await fill();
    await stepForm.getByRole('button', { name: 'Thêm bước' }).click();
    await expect(staff.getByRole('status')).toHaveText('Đã thêm bước.');
  };
  await addStep(async () => {
    await stepForm.getByLabel('Loại bước').selectOption('page');
    await stepForm.getByLabel('Tiêu đề').fill('Thư viện cho mượn sách');
    await stepForm
      .getByLabel('Nội dung')
      .fill('<p>Thư viện tỉnh cho mượn sách miễn phí.</p><script>alert(1)</script>');
  });
  await addStep(async () => {
    await stepForm.getByLabel('Loại bước').selectOption('quiz');
    await stepForm.getByLabel('Tiêu đề').fill('Kiểm tra nhanh');
    await stepForm
      .getByLabel('Câu hỏi')
      .fill(
        '? Thư viện tỉnh cho mượn sách có mất phí không?\n* Miễn phí\n- Có phí\n? Ngày Sách và Văn hóa đọc Việt Nam?\n* 21/4\n- 2/9',
      );
    await stepForm.getByLabel('Số lần làm bài tối đa').fill('2');
  });
  await check(staff, 'admin-path');
  await staff.getByRole('button', { name: 'Xuất bản' }).click();
  await expect(staff.getByRole('status')).toHaveText('Đã xuất bản.');

  // A reading challenge running now.
  await staff.goto('/admin/learning');
  const newChallenge = staff.locator('details', { hasText: 'Tạo thử thách đọc mới' });
  await newChallenge.locator('summary').click();
  await newChallenge.getByLabel('Tiêu đề').fill(CHALLENGE_TITLE);
  await newChallenge.getByLabel('Ngày bắt đầu').fill(day(-1));
  await newChallenge.getByLabel('Ngày kết thúc').fill(day(30));
  await newChallenge.getByLabel('Mục tiêu', { exact: true }).fill('2');
  await newChallenge.getByRole('button', { name: 'Tạo thử thách' }).click();
  await expect(staff).toHaveURL(/\/admin\/learning\/challenges\/rch_[a-z2-9]{16}\?done=created/);
  await check(staff, 'admin-challenge');
  await staff.getByRole('button', { name: 'Xuất bản' }).click();
  await expect(staff.getByRole('status')).toHaveText('Đã xuất bản.');

  // A reader on a phone without JavaScript.
  const reader = await phone(browser, false);
  await signIn(reader, 'lanhdao@demo.suotdoi.vn', '/learn');
  await check(reader, 'learn-list', true);
  await reader.getByRole('link', { name: CHALLENGE_TITLE }).click();
  await reader.getByLabel('Hiện tên tôi trên bảng xếp hạng công khai').check();
  await reader.getByRole('button', { name: 'Tham gia' }).click();
  await expect(reader.getByText('Bạn đã tham gia thử thách.')).toBeVisible();
  const challengeUrl = reader.url().replace(/\?.*$/, '');

  await reader.goto('/learn');
  await reader.getByRole('link', { name: PATH_TITLE }).click();
  await expect(reader.getByRole('heading', { level: 1, name: PATH_TITLE })).toBeVisible();
  await check(reader, 'learn-path', true);
  await reader.getByRole('link', { name: 'Bắt đầu' }).click();
  await expect(reader.getByText('Thư viện tỉnh cho mượn sách miễn phí.')).toBeVisible();
  expect(await reader.content()).not.toContain('alert(1)');
  await check(reader, 'learn-step-page', true);
  await reader.getByRole('button', { name: 'Đánh dấu đã xong' }).click();

  // The quiz: one wrong answer, then right.
  await expect(reader.getByRole('heading', { level: 1, name: 'Kiểm tra nhanh' })).toBeVisible();
  await check(reader, 'learn-quiz', true);
  await reader.getByLabel('Có phí').check();
  await reader.getByLabel('21/4').check();
  await reader.getByRole('button', { name: 'Nộp bài' }).click();
  await expect(reader.getByText('Chưa đạt: 50%')).toBeVisible();
  await reader.getByLabel('Miễn phí').check();
  await reader.getByLabel('21/4').check();
  await reader.getByRole('button', { name: 'Nộp bài' }).click();
  await expect(reader.getByText('Đạt: 100%')).toBeVisible();
  await expect(reader.getByText('Chúc mừng! Bạn đã hoàn thành lộ trình.')).toBeVisible();
  await check(reader, 'learn-quiz-passed', true);
  await reader.goto(`/learn/paths/${pathId}`);
  await expect(reader.getByText('Đã xong 2/2 bước')).toBeVisible();

  // The path completion is on the challenge as verified; the reader logs a book and sees progress.
  await reader.goto(challengeUrl);
  await expect(reader.getByText('Đã xác nhận: hoàn thành lộ trình')).toBeVisible();
  await reader.getByLabel('Tên sách hoặc liên kết trong thư mục').fill('Dế Mèn phiêu lưu ký');
  await reader.getByLabel('Số phút đã đọc').fill('40');
  await reader.getByRole('button', { name: 'Ghi lại' }).click();
  await expect(reader.getByText('Đã ghi sách bạn đọc.')).toBeVisible();
  await expect(reader.getByText('1/2 cuốn sách (50%)')).toBeVisible();
  await expect(reader.locator('progress#challenge-progress')).toHaveAttribute('value', '50');
  await expect(reader.getByText('Tự ghi')).toBeVisible();
  await expect(reader.getByRole('region', { name: 'Bảng xếp hạng' })).toContainText('Đặng Hữu Phước (demo)');
  await check(reader, 'learn-challenge', true);
});

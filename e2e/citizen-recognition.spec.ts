// Recognition and personal data, as a citizen does it on a 360 px phone (issue 14's quality bar): she signs up
// with her e-mail, turns on her personal learning insights, follows the library's demo path to the end (the
// demo seed gives it a badge rule "path completed", the setup staff would do in the back office), finds the
// badge among her credentials, opens its public verification page (valid), the printable certificate (print
// media and a PDF), downloads the signed credential, downloads everything the platform holds about her (the
// badge and the path progress are in it), asks for her account to be deleted and, once staff complete the
// request, is signed out, her credential's page answers "not found" (the signed document named her and was
// erased, docs/credentials.md) and her password no longer signs in. Then a guest who registered for an event
// with only a phone number asks for her data with a code sent to that phone and downloads it herself through the
// link shown on the confirmation and sent to her phone (staff can download it from their queue as well).
// Every page passes axe (WCAG 2.1 A/AA) and fits 360 px. With JOURNEY_SHOTS=<dir>, screenshots are written there.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalOverflow } from './fixtures.ts';

const PHONE = { width: 360, height: 740 };
const STAMP = Date.now().toString(36);
const SHOTS = process.env.JOURNEY_SHOTS;
const PATH_TITLE = 'Làm quen với thư viện';
const BADGE = 'Bạn của thư viện';

function demoAdmin(): { email: string; password: string } {
  const file = join(process.env.E2E_DATA_DIR ?? '', 'e2e-demo-admin.json');
  return JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string };
}

async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  return context.newPage();
}

async function staffOnPhone(browser: Browser): Promise<Page> {
  const staff = await phone(browser);
  const { email, password } = demoAdmin();
  await staff.goto('/sign-in?next=/admin/outbox');
  await staff.getByLabel('Email', { exact: true }).fill(email);
  await staff.getByLabel('Mật khẩu').fill(password);
  await staff.getByRole('main').getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await expect(staff).toHaveURL(/\/admin\/outbox/);
  return staff;
}

/** The latest six-digit code sent to this address or number, as an administrator reads it in the outbox. */
async function codeFromOutbox(staff: Page, to: string): Promise<string> {
  await staff.goto(`/admin/outbox?to=${encodeURIComponent(to)}`);
  const body = (await staff.locator('pre.mail-body').first().textContent()) ?? '';
  const code = /\b(\d{6})\b/.exec(body)?.[1] ?? '';
  expect(code, `a code in the outbox for ${to}`).toMatch(/^\d{6}$/);
  return code;
}

/** The latest message to this address or number that contains `needle`, as an administrator reads it. */
async function smsFromOutbox(staff: Page, to: string, needle: string): Promise<string> {
  await staff.goto(`/admin/outbox?to=${encodeURIComponent(to)}`);
  const body = (await staff.locator('pre.mail-body', { hasText: needle }).first().textContent()) ?? '';
  expect(body, `a message with ${needle} in the outbox for ${to}`).toContain(needle);
  return body;
}

async function check(page: Page, shot?: string) {
  await expectNoAxeViolations(page);
  await expectNoHorizontalOverflow(page);
  if (SHOTS && shot) await page.screenshot({ path: join(SHOTS, `${shot}.png`), fullPage: true });
}

/** The same page on a desktop screen (same cookies): axe, no sideways scroll, and a screenshot. */
async function onDesktop(page: Page, shot: string) {
  const browser = page.context().browser() as Browser;
  const desk = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    storageState: await page.context().storageState(),
  });
  try {
    const copy = await desk.newPage();
    await copy.goto(page.url());
    await check(copy, shot);
  } finally {
    await desk.close();
  }
}

/** Clicks a download link and returns the downloaded file's text. */
async function download(page: Page, link: Locator): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

test.describe('a citizen earns a badge, verifies, prints, exports and deletes; a guest asks by phone', () => {
  test('a citizen earns a badge from a path, verifies and prints it, exports her data and deletes her account', async ({
    browser,
  }) => {
    test.setTimeout(300_000);
    const name = `Trần Thị Mai ${STAMP}`;
    const email = `mai-${STAMP}@example.vn`;
    const password = `Học suốt đời ${STAMP}`;
    const staff = await staffOnPhone(browser);
    const citizen = await phone(browser);

    // Sign up with an e-mail address, confirmed by the code sent there.
    await citizen.goto('/join');
    await check(citizen);
    await citizen.getByLabel('Tên hiển thị').fill(name);
    await citizen.getByLabel('E-mail').fill(email);
    await citizen.getByLabel('Mật khẩu').fill(password);
    await citizen.getByRole('button', { name: 'Đăng ký', exact: true }).click();
    await expect(citizen.getByRole('status')).toContainText(email);
    await citizen.getByLabel('Mã gồm 6 chữ số').fill(await codeFromOutbox(staff, email));
    await citizen.getByRole('button', { name: 'Xác nhận' }).click();
    await expect(citizen).toHaveURL(/\/my\/profile\/usr_[a-z2-9]+\?welcome=1$/);

    // Her learning record: personal insights are off until she turns them on (ADR 0015).
    await citizen.goto('/hoc-tap');
    const insights = citizen.getByRole('region', { name: 'Thống kê học tập cá nhân' });
    await expect(insights).toContainText('đang tắt');
    await expect(insights).toContainText('im lặng không phải là đồng ý');
    await expect(citizen.getByText(/Chuỗi hiện tại/)).toHaveCount(0);
    await check(citizen, 'record-off-360');
    await onDesktop(citizen, 'record-off-desktop');
    await insights.getByRole('button', { name: 'Bật thống kê học tập cá nhân' }).click();
    await expect(insights.getByRole('button', { name: 'Tắt thống kê học tập cá nhân' })).toBeVisible();
    await expect(citizen.getByText('Chuỗi hiện tại: 0 ngày')).toBeVisible();

    // The library's path, through its pages: a reading step, then the quiz (one wrong try first).
    await citizen.goto('/learn');
    await check(citizen);
    await citizen.getByRole('link', { name: PATH_TITLE, exact: true }).click();
    await expect(citizen.getByRole('heading', { level: 1, name: PATH_TITLE })).toBeVisible();
    await check(citizen);
    await citizen.getByRole('link', { name: 'Bắt đầu' }).click();
    await expect(citizen.getByText(/cho mượn sách miễn phí/)).toBeVisible();
    await check(citizen);
    await citizen.getByRole('button', { name: 'Đánh dấu đã xong' }).click();
    await expect(citizen.getByRole('heading', { level: 1, name: 'Kiểm tra nhanh' })).toBeVisible();
    await check(citizen);
    await citizen.getByLabel('23/4').check();
    await citizen.getByLabel('Cho mượn sách').check();
    await citizen.getByRole('button', { name: 'Nộp bài' }).click();
    await expect(citizen.getByText(/Chưa đạt/)).toBeVisible();
    await citizen.getByLabel('21/4').check();
    await citizen.getByLabel('Cho mượn sách').check();
    await citizen.getByLabel('Thư viện lưu động').check();
    await citizen.getByRole('button', { name: 'Nộp bài' }).click();
    await expect(citizen.getByText('Đạt: 100%')).toBeVisible();
    await expect(citizen.getByText('Chúc mừng! Bạn đã hoàn thành lộ trình.')).toBeVisible();
    await check(citizen);

    // The completion is on her record, and the badge among her credentials.
    await citizen.goto('/hoc-tap');
    await expect(citizen.getByRole('region', { name: 'Dòng thời gian' })).toContainText(PATH_TITLE);
    await expect(citizen.getByText('Chuỗi hiện tại: 1 ngày')).toBeVisible();
    await check(citizen, 'record-on-360');
    await onDesktop(citizen, 'record-on-desktop');
    await citizen.goto('/account/credentials');
    await expect(citizen.getByRole('heading', { level: 1 })).toHaveText('Chứng nhận của tôi');
    await expect(citizen.getByText(BADGE, { exact: true })).toBeVisible();
    await check(citizen);
    await citizen.getByRole('link', { name: 'Mở trang xác minh' }).first().click();
    await expect(citizen).toHaveURL(/\/credentials\/cred_[a-z2-9]{16}$/);
    const credentialPath = new URL(citizen.url()).pathname;

    // Anyone with the link, on a phone: valid, who issued it, to whom, what it certifies.
    const verifier = await phone(browser);
    await verifier.goto(credentialPath);
    await expect(verifier.getByRole('heading', { level: 1 })).toHaveText('Xác minh chứng nhận');
    await expect(verifier.getByRole('status')).toContainText('Hợp lệ');
    await expect(verifier.getByText(BADGE).first()).toBeVisible();
    await expect(verifier.getByText(name).first()).toBeVisible();
    await expect(verifier.getByText('Thư viện tỉnh').first()).toBeVisible();
    await check(verifier, 'verify-360');
    const json = await download(
      verifier,
      verifier.getByRole('link', { name: 'Tải tệp chứng nhận (JSON, Open Badges 3.0)' }),
    );
    const credential = JSON.parse(json.text) as {
      type: string[];
      credentialSubject: { achievement: { name: string } };
      proof: { cryptosuite: string };
    };
    expect(credential.type).toContain('OpenBadgeCredential');
    expect(JSON.stringify(credential.credentialSubject)).toContain(BADGE);
    expect(credential.proof.cryptosuite).toBe('eddsa-rdfc-2022');

    // The printable certificate: on screen, in print media (no site chrome), and as an A4 PDF.
    await verifier.getByRole('link', { name: 'Xem và in giấy chứng nhận' }).click();
    await expect(verifier.getByRole('heading', { level: 1 })).toHaveText('GIẤY CHỨNG NHẬN');
    await expect(verifier.getByText(name).first()).toBeVisible();
    await expect(
      verifier.getByRole('img', { name: 'Mã QR dẫn tới trang xác minh chứng nhận' }),
    ).toBeVisible();
    await check(verifier, 'certificate-360');
    await onDesktop(verifier, 'certificate-desktop');
    await verifier.emulateMedia({ media: 'print' });
    await expect(verifier.locator('.site-header')).toBeHidden();
    await expect(verifier.getByText(BADGE).first()).toBeVisible();
    const pdf = await verifier.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
    await verifier.emulateMedia({ media: 'screen' });

    // Everything the platform holds about her, downloaded from her account page.
    await citizen.goto('/account/privacy');
    await expect(citizen.getByRole('heading', { level: 1 })).toHaveText('Dữ liệu cá nhân của tôi');
    await expect(
      citizen.getByText('Thống kê học tập cá nhân (chuỗi ngày học, tiến độ mục tiêu)', { exact: true }),
    ).toBeVisible();
    await check(citizen);
    const exported = await download(citizen, citizen.getByRole('link', { name: 'Tải JSON' }));
    const mine = JSON.parse(exported.text) as Record<string, Record<string, unknown[]>>;
    expect(JSON.stringify(mine.auth)).toContain(email);
    const awards = mine.credentials?.credential_awards ?? [];
    expect(awards).toHaveLength(1);
    expect(JSON.stringify(awards)).toContain(name);
    expect(JSON.stringify(mine.learning)).toContain('lpath_demolamquenthuvi');
    expect(JSON.stringify(mine.lrs)).toContain(PATH_TITLE);
    expect(JSON.stringify(mine.privacy?.consent_ledger)).toContain('lrs.analytics');

    // She asks for her account to be deleted; staff complete the request from the queue.
    const reason = `Xoá tài khoản của tôi (${STAMP})`;
    await citizen.getByLabel('Loại yêu cầu').selectOption('deletion');
    await citizen.getByLabel('Nội dung (không bắt buộc)').fill(reason);
    await citizen.getByRole('button', { name: 'Gửi yêu cầu' }).click();
    await expect(citizen.getByRole('status')).toContainText('Trả lời chậm nhất ngày');
    await check(citizen);
    await staff.goto('/admin/privacy');
    const request = staff.getByRole('listitem').filter({ hasText: reason });
    await expect(request).toContainText('Xoá dữ liệu và tài khoản');
    await request.getByRole('button', { name: 'Hoàn thành' }).click();
    await expect(staff.getByRole('listitem').filter({ hasText: reason })).toHaveCount(0);

    // Signed out: her next page asks her to sign in.
    await citizen.goto('/hoc-tap');
    await expect(citizen).toHaveURL(/\/sign-in/);
    // The credential's page answers "not found": the signed document named her and went with her account.
    const gone = await verifier.goto(credentialPath);
    expect(gone?.status()).toBe(404);
    await expect(verifier.getByText('Không tìm thấy trang hoặc dữ liệu yêu cầu.')).toBeVisible();
    await expect(verifier.getByText(name)).toHaveCount(0);
    await check(verifier);
    expect((await verifier.request.get(`${credentialPath}/credential.json`)).status()).toBe(404);
    // Her e-mail and password no longer sign in.
    await citizen.goto('/sign-in');
    await citizen.getByLabel('Email', { exact: true }).fill(email);
    await citizen.getByLabel('Mật khẩu').fill(password);
    await citizen.getByRole('main').getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await expect(citizen.getByRole('alert')).toBeVisible();
    await expect(citizen).toHaveURL(/\/sign-in/);
    await check(citizen);
    await citizen.goto('/account');
    await expect(citizen).toHaveURL(/\/sign-in/);
  });

  test('a guest who registered for an event with her phone asks for her data by a code sent to it', async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const title = `Đọc thơ cùng bà ${STAMP}`;
    const guestName = `Phạm Thị Hồng ${STAMP}`;
    const national = `098${String(Date.now() % 10_000_000).padStart(7, '0')}`;
    const e164 = `+84${national.slice(1)}`;
    const staff = await staffOnPhone(browser);

    // Staff publish an event (setup).
    await staff.goto('/admin/events/new');
    const unit = staff.getByLabel('Đơn vị tổ chức');
    const unitValue = await unit.locator('option', { hasText: 'Thư viện' }).first().getAttribute('value');
    await unit.selectOption(unitValue ?? '');
    await staff.getByLabel('Tên sự kiện').fill(title);
    await staff.getByLabel('Loại hoạt động').selectOption('reading');
    await staff.getByLabel('Địa điểm').selectOption({ index: 1 });
    await staff.getByLabel('Ngày (buổi đầu)').fill('2027-04-21');
    await staff.getByLabel('Giờ bắt đầu').fill('08:00');
    await staff.getByLabel('Giờ kết thúc').fill('10:00');
    await staff.getByLabel('Trạng thái').selectOption('published');
    await staff.getByRole('button', { name: 'Tạo sự kiện' }).click();
    await expect(staff).toHaveURL(/\/admin\/events\/evt_[a-z2-9]{16}\?done=created/);
    const eventId = /evt_[a-z2-9]{16}/.exec(staff.url())?.[0] as string;

    // The guest registers with her name and phone only.
    const guest = await phone(browser);
    await guest.goto(`/events/${eventId}`);
    await guest.getByLabel('Họ và tên').fill(guestName);
    await guest.getByRole('textbox', { name: 'Số điện thoại' }).fill(national);
    await guest.getByLabel(/Tôi đồng ý/).check();
    await check(guest);
    await guest.getByRole('button', { name: /Đăng ký/ }).click();
    await expect(guest).toHaveURL(/\/events\/tickets\/[A-Z2-9-]+\?new=1$/);
    await check(guest);

    // Later she asks for her data: the code goes to her phone (the outbox stands in for the SMS gateway).
    await guest.goto('/privacy/request');
    await expect(guest.getByRole('heading', { level: 1 })).toHaveText(
      'Yêu cầu về dữ liệu cá nhân (không cần tài khoản)',
    );
    await check(guest);
    await guest.getByLabel('Loại yêu cầu').selectOption('access');
    await guest.getByLabel('Số điện thoại di động hoặc email bạn đã dùng').fill(national);
    await guest.getByRole('button', { name: 'Gửi mã xác nhận' }).click();
    await expect(guest.getByRole('status')).toContainText('mã 6 chữ số');
    await guest.getByLabel('Mã xác nhận').fill(await codeFromOutbox(staff, e164));
    await guest.getByRole('button', { name: 'Xác nhận và gửi yêu cầu' }).click();
    const received = guest.getByRole('status');
    await expect(received).toContainText(/Đã nhận yêu cầu số dsr_\w+\. Trả lời chậm nhất ngày/);
    const ref = /dsr_\w+/.exec((await received.textContent()) ?? '')?.[0] as string;
    // The confirmation offers her the download at once, until a stated time.
    await expect(guest.getByRole('heading', { name: 'Tải dữ liệu của bạn' })).toBeVisible();
    await expect(guest.getByText(/dùng được đến \d{2}\/\d{2}\/\d{4}/)).toBeVisible();
    await check(guest, 'guest-confirmation-360');
    const onPage = await guest.getByRole('link', { name: 'Tải dữ liệu (JSON)' }).getAttribute('href');

    // The same link reaches her phone; she opens it there and downloads her data herself.
    const sms = await smsFromOutbox(staff, e164, '/privacy/export/');
    const link = /https?:\/\/\S+\/privacy\/export\/[A-Za-z0-9_-]+/.exec(sms)?.[0] as string;
    expect(link, 'a download link in the SMS').toBeTruthy();
    expect(onPage).toBe(`${new URL(link).pathname}/du-lieu-ca-nhan.json`);
    expect(link).not.toContain(national.slice(1));
    await guest.goto(link);
    await expect(guest.getByRole('heading', { level: 1 })).toHaveText('Dữ liệu cá nhân của bạn');
    await expect(guest.getByText(`Trả lời yêu cầu số ${ref}`)).toBeVisible();
    await check(guest, 'guest-export-360');
    const own = await download(guest, guest.getByRole('link', { name: 'Tải dữ liệu (JSON)' }));
    expect(own.name).toBe('du-lieu-ca-nhan.json');
    const mine = JSON.stringify((JSON.parse(own.text) as Record<string, unknown>).events);
    expect(mine).toContain(guestName);
    expect(mine).toContain(title);
    const csv = await download(guest, guest.getByRole('link', { name: /Tải dữ liệu \(CSV/ }));
    expect(csv.name).toBe('du-lieu-ca-nhan.csv');
    expect(csv.text).toContain(guestName);
    // A link altered by one character is not found.
    const bad = await guest.request.get(`${link.slice(0, -3)}${link.endsWith('A') ? 'Bxy' : 'Axy'}`);
    expect(bad.status()).toBe(404);

    // Staff answer it with her data: the registration, under her name and phone.
    await staff.goto('/admin/privacy');
    const item = staff.getByRole('listitem').filter({ hasText: `liên hệ đã xác minh: ${e164}` });
    await expect(item).toHaveCount(1);
    const data = await download(staff, item.getByRole('link', { name: 'Tải dữ liệu của khách (JSON)' }));
    expect(data.name).toBe(`du-lieu-ca-nhan-${ref}.json`);
    const events = JSON.stringify((JSON.parse(data.text) as Record<string, unknown>).events);
    expect(events).toContain(guestName);
    expect(events).toContain(title);
    expect(events).toContain(national);
    await check(staff);
  });

  test('the administrator reviews retention, with the inactive accounts rule, on a phone and a desktop', async ({
    browser,
  }) => {
    const staff = await staffOnPhone(browser);
    await staff.goto('/admin/privacy/retention');
    await expect(
      staff.getByText('Hồ sơ học tập của tài khoản không hoạt động', { exact: true }),
    ).toBeVisible();
    await check(staff, 'retention-360');
    const desk = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      storageState: await staff.context().storageState(),
    });
    const page = await desk.newPage();
    await page.goto('/admin/privacy/retention');
    await expect(
      page.getByText('Hồ sơ học tập của tài khoản không hoạt động', { exact: true }),
    ).toBeVisible();
    await check(page, 'retention-desktop');
    await desk.close();
  });
});

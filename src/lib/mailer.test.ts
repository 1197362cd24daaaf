import { describe, expect, it } from 'vitest';
import { redactSecrets } from './mailer.server.ts';

describe('redactSecrets', () => {
  it('removes one-time tokens from links in a delivered mail, leaving the rest', () => {
    const m = redactSecrets({
      to: 'a@example.vn',
      subject: 'Đặt lại mật khẩu',
      text: 'Mở: https://x.vn/reset-password?token=AbC_12-3&welcome=1 rồi đặt mật khẩu.',
      html: '<a href="https://x.vn/reset-password?token=AbC_12-3">link</a>',
      purpose: 'password-reset',
    });
    expect(m.text).toBe('Mở: https://x.vn/reset-password?token=…&welcome=1 rồi đặt mật khẩu.');
    expect(m.html).toBe('<a href="https://x.vn/reset-password?token=…">link</a>');
    expect(m.subject).toBe('Đặt lại mật khẩu');
  });
});

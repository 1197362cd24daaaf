import { describe, expect, it } from 'vitest';
import { sanitizeRichText } from './learning.sanitize.server.ts';

describe('rich text of path pages', () => {
  it('removes scripts, styles and frames with their content', () => {
    const out = sanitizeRichText(
      '<p>Đọc</p><script>alert(1)</script><style>p{color:red}</style><iframe src="https://x.vn"></iframe>',
    );
    expect(out).toBe('<p>Đọc</p>');
  });
  it('removes javascript: and data: links and event handlers but keeps safe links', () => {
    const out = sanitizeRichText(
      '<a href="javascript:alert(1)">x</a><a href="data:text/html,hi">y</a><p onclick="x()">z</p><a href="https://thuvien.vn">ok</a>',
    );
    expect(out).not.toMatch(/javascript:|data:|onclick/);
    expect(out).toContain('<a href="https://thuvien.vn" rel="noopener noreferrer">ok</a>');
  });
  it('drops inline styles and images', () => {
    expect(sanitizeRichText('<p style="background:url(x)">a</p><img src=x onerror=alert(1)>')).toBe(
      '<p>a</p>',
    );
  });
});

// The article HTML policy against the usual attacks: whatever a writer (or a stolen account) posts, what is
// stored and shown carries no script, style, frame, event handler or dangerous URL.
import { describe, expect, it } from 'vitest';
import { htmlToText, sanitizeArticleHtml } from './news.sanitize.server.ts';

describe('article HTML sanitiser', () => {
  it('keeps the formatting a news article needs', () => {
    const html =
      '<h2>Tuần lễ</h2><p>Học <strong>suốt đời</strong> <em>mỗi ngày</em>.</p><ul><li>Một</li></ul>' +
      '<blockquote>Trích dẫn</blockquote>';
    expect(sanitizeArticleHtml(html)).toBe(html);
  });

  it('removes script, style, iframe, object and embed with their content', () => {
    const out = sanitizeArticleHtml(
      '<p>A</p><script>alert(1)</script><style>p{color:red}</style><iframe src="https://evil.example"></iframe>' +
        '<object data="x.swf"></object><embed src="x.swf"><noscript><img src=x onerror=alert(1)></noscript><p>B</p>',
    );
    expect(out).toBe('<p>A</p><p>B</p>');
  });

  it('removes event handlers, style attributes and javascript:/data: URLs', () => {
    const out = sanitizeArticleHtml(
      '<p onclick="alert(1)" style="position:fixed">x</p><a href="javascript:alert(1)">j</a>' +
        '<a href="JaVaScRiPt&colon;alert(1)">k</a><a href="data:text/html;base64,PHNjcmlwdD4=">d</a>' +
        '<a href="vbscript:msgbox">v</a>',
    );
    expect(out).not.toMatch(/onclick|style=|javascript|data:|vbscript/i);
    expect(out).toContain('<p>x</p>');
  });

  it('marks external links noopener and keeps mailto', () => {
    expect(sanitizeArticleHtml('<a href="https://khanhhoa.gov.vn" rel="opener">Sở</a>')).toBe(
      '<a href="https://khanhhoa.gov.vn" rel="noopener noreferrer">Sở</a>',
    );
    expect(sanitizeArticleHtml('<a href="mailto:vp@khanhhoa.gov.vn">Thư</a>')).toBe(
      '<a href="mailto:vp@khanhhoa.gov.vn">Thư</a>',
    );
  });

  it('keeps pictures only from our media store and only with alt text', () => {
    expect(sanitizeArticleHtml('<img src="/media/file_abc/large" alt="Hội sách">')).toBe(
      '<img src="/media/file_abc/large" alt="Hội sách" />',
    );
    expect(sanitizeArticleHtml('<img src="/media/file_abc/large">')).toBe('');
    expect(sanitizeArticleHtml('<img src="https://tracker.example/p.gif" alt="x">')).toBe('');
    expect(sanitizeArticleHtml('<img src="javascript:alert(1)" alt="x">')).toBe('');
  });

  it('is stable: sanitising the output again changes nothing', () => {
    const once = sanitizeArticleHtml('<p>a<b>b</p><svg><script>1</script></svg><math><mi>x</mi></math>');
    expect(sanitizeArticleHtml(once)).toBe(once);
    expect(once).not.toMatch(/svg|math|script/);
  });

  it('gives plain text for search and summaries', () => {
    expect(htmlToText('<p>Học&nbsp;tập <b>suốt</b> đời &amp; vui</p><script>x</script>')).toBe(
      'Học tập suốt đời & vui',
    );
  });
});

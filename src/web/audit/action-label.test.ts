// Every audit action the code can record reads as words in both languages. The codes are collected from the
// source (`action: '…'` literals, and the dynamic ones built from a transition/step list), so an action added
// later without wording fails here with its name.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditActionLabel } from './action-label.server.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const literal = /action: '([a-z][a-zA-Z0-9_]*(?:\.[a-zA-Z0-9_-]+)+)'/g;
const codes = new Set<string>();
for (const file of sourceFiles('src/modules')) {
  for (const m of readFileSync(file, 'utf8').matchAll(literal)) codes.add(m[1] as string);
}
// Codes built at run time: plan report transitions, news steps, report submissions, lost/withdrawn copies.
for (const v of ['submit', 'approve', 'return', 'update', 'review']) codes.add(`plan.report.${v}`);
for (const v of ['submit', 'return', 'publish', 'schedule', 'withdraw']) codes.add(`news.article.${v}`);
for (const v of ['submit', 'return', 'accept']) codes.add(`reports.submission.${v}`);
for (const v of ['lost', 'withdraw']) codes.add(`circulation.item.${v}`);
for (const v of ['review', 'decide', 'reject']) codes.add(`commendations.nomination.${v}`);
for (const v of ['recognised', 'rejected']) codes.add(`citizen.assessment.${v}`);
for (const v of ['create', 'update']) codes.add(`privacy.breach.${v}`);
for (const v of ['cancel', 'restore']) codes.add(`events.session.${v}`);
for (const v of ['course.create', 'course.update', 'session.create', 'participants.add', 'attendance.set'])
  codes.add(`training.${v}`);
codes.add('training.certificate.set');

describe('audit actions in words', () => {
  it('finds the actions in the source (the scan works)', () => {
    expect(codes.size).toBeGreaterThan(100);
    expect(codes).toContain('units.unit.merge');
  });

  it.each(['vi', 'en'] as const)('names every part of every action in %s', (locale) => {
    const unnamed = [...codes].filter((c) => auditActionLabel(locale, c).unnamed.length > 0);
    expect(unnamed).toEqual([]);
  });

  it('reads as a verb and its object, under the module, with whole-code wording where parts read badly', () => {
    expect(auditActionLabel('vi', 'plan.report.submit')).toEqual({
      module: 'Kế hoạch',
      label: 'Gửi báo cáo tiến độ',
      unnamed: [],
    });
    expect(auditActionLabel('en', 'access.grant.revoke').label).toBe('Revoke role');
    expect(auditActionLabel('vi', 'circulation.loan.return').label).toBe('Nhận trả sách');
  });

  it('keeps an unknown part as written and says so', () => {
    expect(auditActionLabel('vi', 'events.rocket.launch')).toMatchObject({
      module: 'Sự kiện',
      label: 'Launch rocket',
      unnamed: ['launch', 'rocket'],
    });
  });
});

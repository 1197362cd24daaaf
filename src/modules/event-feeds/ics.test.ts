import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildIcs, escapeText, foldLine, formatVietnamLocal, type IcsEvent } from './ics.ts';

const base: IcsEvent = {
  uid: 'ses_aaaaaaaaaaaaaaaa@hoctap.example.vn',
  summary: 'Ngày Sách và Văn hóa đọc',
  start: new Date('2026-04-21T02:00:00Z'), // 09:00 in Vietnam
  end: new Date('2026-04-21T04:30:00Z'),
  stamp: new Date('2026-03-01T10:15:00Z'),
};

function parse(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  const tz = comp.getFirstSubcomponent('vtimezone');
  if (tz) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return comp;
}

describe('iCalendar writer', () => {
  it('writes a calendar ical.js reads back, with the Vietnam time zone and stable UID', () => {
    const text = buildIcs({ name: 'Sự kiện', events: [base] });
    const comp = parse(text);
    expect(comp.getFirstPropertyValue('version')).toBe('2.0');
    expect(comp.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Asia/Ho_Chi_Minh');
    const vevent = comp.getFirstSubcomponent('vevent');
    expect(vevent).not.toBeNull();
    const ev = new ICAL.Event(vevent!);
    expect(ev.uid).toBe(base.uid);
    expect(ev.summary).toBe(base.summary);
    expect(vevent!.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Asia/Ho_Chi_Minh');
    expect(ev.startDate.toJSDate().toISOString()).toBe('2026-04-21T02:00:00.000Z');
    expect(ev.endDate.toJSDate().toISOString()).toBe('2026-04-21T04:30:00.000Z');
    const dtstamp = vevent!.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(dtstamp.zone?.tzid).toBe('UTC');
    expect(text).toContain('DTSTAMP:20260301T101500Z');
    expect(text).toContain('DTSTART;TZID=Asia/Ho_Chi_Minh:20260421T090000');
    expect(buildIcs({ name: 'Sự kiện', events: [base] })).toBe(text); // same input, same bytes
  });

  it('keeps an event crossing midnight in Vietnam on the right local days', () => {
    const late = { ...base, start: new Date('2026-12-31T15:30:00Z'), end: new Date('2026-12-31T17:30:00Z') };
    expect(formatVietnamLocal(late.start)).toBe('20261231T223000');
    expect(formatVietnamLocal(late.end)).toBe('20270101T003000');
    const ev = new ICAL.Event(parse(buildIcs({ name: 'x', events: [late] })).getFirstSubcomponent('vevent')!);
    expect(ev.startDate.toJSDate().getTime()).toBe(late.start.getTime());
    expect(ev.endDate.toJSDate().getTime()).toBe(late.end.getTime());
  });

  it('escapes commas, semicolons, backslashes and newlines so they survive a round trip', () => {
    const tricky = 'Đọc sách, thảo luận; hỏi đáp\nTầng 2\\phòng B';
    expect(escapeText(tricky)).toBe('Đọc sách\\, thảo luận\\; hỏi đáp\\nTầng 2\\\\phòng B');
    const text = buildIcs({
      name: 'Lịch, thư viện; tỉnh',
      events: [{ ...base, summary: tricky, description: tricky, location: 'Số 8, Trần Hưng Đạo; Nha Trang' }],
    });
    const comp = parse(text);
    expect(text).toContain('X-WR-CALNAME:Lịch\\, thư viện\\; tỉnh');
    const ev = new ICAL.Event(comp.getFirstSubcomponent('vevent')!);
    expect(ev.summary).toBe(tricky);
    expect(ev.description).toBe(tricky);
    expect(ev.location).toBe('Số 8, Trần Hưng Đạo; Nha Trang');
  });

  it('folds long lines at 75 octets without splitting Vietnamese characters', () => {
    const long = 'Tuần lễ hưởng ứng học tập suốt đời — '.repeat(12);
    const text = buildIcs({ name: 'x', events: [{ ...base, description: long }] });
    const enc = new TextEncoder();
    for (const line of text.split('\r\n')) expect(enc.encode(line).length).toBeLessThanOrEqual(75);
    expect(text).not.toContain('\uFFFD');
    const ev = new ICAL.Event(parse(text).getFirstSubcomponent('vevent')!);
    expect(ev.description).toBe(long);
    expect(foldLine('short')).toBe('short');
  });

  it('marks cancelled sessions and carries categories, place coordinates and link', () => {
    const text = buildIcs({
      name: 'x',
      refreshMinutes: 60,
      events: [
        {
          ...base,
          status: 'CANCELLED',
          categories: ['reading', 'heritage'],
          geo: { lat: 12.2388, lng: 109.1967 },
          url: 'https://hoctap.example.vn/events/evt_x',
        },
      ],
    });
    const vevent = parse(text).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(vevent.getFirstProperty('categories')?.getValues()).toEqual(['reading', 'heritage']);
    expect(vevent.getFirstPropertyValue('geo')).toEqual([12.2388, 109.1967]);
    expect(vevent.getFirstPropertyValue('url')).toBe('https://hoctap.example.vn/events/evt_x');
    expect(text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT60M');
  });

  it('never lets a field inject its own properties', () => {
    const text = buildIcs({
      name: 'x',
      events: [{ ...base, summary: 'A\r\nEND:VEVENT\r\nBEGIN:VEVENT', url: 'https://a/\r\nX-EVIL:1' }],
    });
    const comp = parse(text);
    expect(comp.getAllSubcomponents('vevent')).toHaveLength(1);
    expect(text).not.toMatch(/^X-EVIL/m);
  });
});

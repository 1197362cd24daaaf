// The streaming MARCXML reader on real public files, on files cut or damaged anywhere, on entity attacks,
// and on byte offsets that must stay exact whatever the chunking (BOM, multibyte characters split).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MarcReadResult, MarcRecord } from './marc.types.ts';
import { MARCXML_FOOTER, MARCXML_HEADER, marcXmlRecord } from './marcxml.server.ts';
import { firstMarcXmlRecordOffset, MAX_XML_TOKEN, readMarcXml } from './marcxml-reader.server.ts';

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
async function read(bytes: Uint8Array | string, size = 1 << 16, opts = {}): Promise<MarcReadResult[]> {
  const b = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const out: MarcReadResult[] = [];
  for await (const r of readMarcXml(chunked(b, size), opts)) out.push(r);
  return out;
}
const book = (id: string, title: string): MarcRecord => ({
  leader: '00000nam a2200000 i 4500',
  fields: [
    { tag: '001', value: id },
    { tag: '245', ind1: '1', ind2: '0', subfields: [{ code: 'a', value: title }] },
  ],
});
const xml = (recs: MarcRecord[]) => MARCXML_HEADER + recs.map(marcXmlRecord).join('') + MARCXML_FOOTER;
const enc = (s: string) => new TextEncoder().encode(s);
const bytesOf = (s: string) => Buffer.byteLength(s);
const FIXTURES = join(import.meta.dirname, 'fixtures');
const errorOf = (r: MarcReadResult | undefined) => (r && !r.ok ? r.error : '');

describe('MARCXML reader', () => {
  it('reads the public test files: prefixed and default namespace, a single <record> root, a comment first', async () => {
    const ids: Record<string, string[]> = {};
    for (const name of readdirSync(FIXTURES).filter((f) => f.endsWith('.xml'))) {
      const bytes = readFileSync(join(FIXTURES, name));
      for (const size of [1, 13, 1 << 18]) {
        const items = await read(bytes, size);
        expect(items.every((r) => r.ok)).toBe(true);
        for (const r of items) {
          expect(bytes.subarray(r.position, r.next).toString()).toMatch(
            /^<(marc:)?record[\s>][\s\S]*record>$/,
          );
        }
        ids[name] = items.map((r) =>
          r.ok ? (r.record.fields.find((f) => f.tag === '001') as { value: string }).value : '',
        );
      }
    }
    expect(ids).toEqual({
      'marc4j-chabon.xml': ['11939876', '12883376'],
      'marc4j-koha-with-comment.xml': ['121564'],
      'marc4j-summerland-record.xml': ['12883376'],
      'marc4j-unimarc_record.xml': ['FRBNF3456789012'],
      'pymarc-batch.xml': ['5637241', '12149120'],
      'pymarc-utf8.xml': ['ASP925318/clmu'],
    });
  });

  it('keeps byte offsets exact with a BOM, CR LF and multibyte characters split across chunks', async () => {
    const title = fc.string({ unit: fc.constantFrom(...'aăâđêôơưệẠỹ𝄞😀 &<>'.split('')), maxLength: 20 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(title, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        fc.boolean(),
        async (titles, size, bom, crlf) => {
          let text = xml(titles.map((t, i) => book(String(i), t)));
          if (crlf) text = text.replace(/\n/g, '\r\n').replace(/<record>/g, '<record\r\n>');
          const bytes = enc((bom ? '\uFEFF' : '') + text);
          const items = await read(bytes, size);
          expect(items.map((r) => (r.ok ? r.record.fields.length : r.error))).toEqual(titles.map(() => 2));
          expect(items.map((r) => r.number)).toEqual(titles.map((_, i) => i + 1));
          for (const r of items) {
            expect(Buffer.from(bytes.subarray(r.position, r.position + 7)).toString()).toBe('<record');
            expect(Buffer.from(bytes.subarray(r.next - 9, r.next)).toString()).toBe('</record>');
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a file cut anywhere in a record yields every record before it, then one error naming that record and its byte offset', async () => {
    const recs = [book('1', 'Một'), book('2', 'Hai'), book('3', 'Tiếng Việt ệ 😀')];
    const text = xml(recs);
    const third = bytesOf(
      MARCXML_HEADER + marcXmlRecord(recs[0] as MarcRecord) + marcXmlRecord(recs[1] as MarcRecord),
    );
    const end = third + bytesOf(marcXmlRecord(recs[2] as MarcRecord));
    const bytes = enc(text);
    for (let cut = third + '<record>'.length; cut < end - 1; cut++) {
      const items = await read(bytes.subarray(0, cut), 1 + (cut % 17));
      expect(items.slice(0, 2).map((r) => r.ok)).toEqual([true, true]);
      const last = items[2];
      expect(items).toHaveLength(3);
      expect(last).toMatchObject({ ok: false, fatal: true, position: third, number: 3 });
      expect(errorOf(last)).toMatch(new RegExp(`^record 3 \\(starting at byte ${third}\\): .*truncated`));
    }
    // Cut inside the first character of "ệ" (three bytes): the cut is at that byte.
    const mid = bytes.indexOf(0xe1, third) + 1;
    const items = await read(bytes.subarray(0, mid), 5);
    expect(errorOf(items[2])).toContain(`ends inside a UTF-8 character (truncated?) at byte ${mid - 1}`);
    // Cut between records, or before </collection>: every record is there; the damage is after the last.
    const between = await read(bytes.subarray(0, end + 3));
    expect(between.map((r) => r.ok)).toEqual([true, true, true, false]);
    expect(between[3]).toMatchObject({ fatal: true, position: end + 3 });
    expect(errorOf(between[3])).toMatch(/^after record 3: the file ends early/);
  });

  it('stops at malformed XML in the middle with the record number and byte offset, keeping the records before', async () => {
    const recs = [book('1', 'a'), book('2', 'b'), book('3', 'c'), book('4', 'd')];
    const parts = recs.map(marcXmlRecord);
    parts[2] = (parts[2] as string).replace('tag="245"', 'tag="245" tag="246"');
    const text = MARCXML_HEADER + parts.join('') + MARCXML_FOOTER;
    const at = bytesOf(MARCXML_HEADER + parts[0] + parts[1]);
    const items = await read(text, 11);
    expect(items.map((r) => r.ok)).toEqual([true, true, false]);
    expect(items[2]).toMatchObject({ fatal: true, position: at, number: 3 });
    expect(errorOf(items[2])).toMatch(
      /^record 3 \(starting at byte \d+\): malformed XML: .*duplicate attribute/i,
    );
    // Invalid UTF-8 in the middle: the exact byte.
    const bad = Buffer.from(enc(MARCXML_HEADER + parts[0] + parts[1] + parts[3] + MARCXML_FOOTER));
    const ff = bytesOf(MARCXML_HEADER + parts[0] + parts[1]) + 40;
    bad[ff] = 0xff;
    const broken = await read(bad, 7);
    expect(errorOf(broken.at(-1))).toContain(`invalid UTF-8 at byte ${ff}`);
    expect(broken.map((r) => r.ok)).toEqual([true, true, false]);
  });

  it('refuses a DOCTYPE (billion laughs, external entities) and undefined entities with a clear error', async () => {
    const laughs = `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">${'<!ENTITY x "y">'.repeat(100_000)}]>\n<collection><record><leader>&lol2;</leader></record></collection>`;
    const xxe = `<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><record><leader>&xxe;</leader></record>`;
    for (const attack of [laughs, xxe]) {
      const items = await read(attack, 1000);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ ok: false, fatal: true });
      expect(errorOf(items[0])).toMatch(/^before the first record: a DOCTYPE .* is not allowed/);
    }
    const undefinedEntity = await read(`<collection><record><leader>&lol;</leader></record></collection>`);
    expect(errorOf(undefinedEntity[0])).toMatch(/^record 1 .*undefined entity/);
    const latin1 = await read(`<?xml version="1.0" encoding="ISO-8859-1"?><collection/>`);
    expect(errorOf(latin1[0])).toMatch(/encoding "ISO-8859-1" is not supported/);
  });

  it('reads a large file in constant memory', { timeout: 60_000 }, async () => {
    const record = marcXmlRecord(book('x', `Bản ghi dài ${'ư'.repeat(200)}`));
    const total = 30_000; // ≈ 22 MB of input, ≈ 33 MB as text
    async function* big(): AsyncGenerator<Uint8Array> {
      yield enc(MARCXML_HEADER);
      const block = enc(record.repeat(100));
      for (let i = 0; i < total / 100; i++) yield block;
      yield enc(MARCXML_FOOTER);
    }
    const before = process.memoryUsage().heapUsed;
    let peak = 0;
    let n = 0;
    for await (const r of readMarcXml(big())) {
      expect(r.ok).toBe(true);
      if (++n % 2000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - before);
    }
    expect(n).toBe(total);
    expect(peak).toBeLessThan(32 * 1024 * 1024);
  });

  it('refuses a single token over 1 MiB', async () => {
    const huge = await read(
      `<collection><record><leader>${'0'.repeat(MAX_XML_TOKEN + 10)}</leader></record></collection>`,
    );
    expect(errorOf(huge[0])).toMatch(/^record 1 .*longer than 1 MiB/);
  });

  it('resumes at a byte offset with the prologue: same items, same numbers, namespace prefixes kept', async () => {
    const bytes = readFileSync(join(FIXTURES, 'pymarc-batch.xml'));
    const all = await read(bytes);
    const second = all[1] as MarcReadResult;
    const first = await firstMarcXmlRecordOffset(chunked(bytes, 100));
    expect(first).toBe(all[0]?.position);
    const resumed = await read(bytes.subarray(second.position), 50, {
      startOffset: second.position,
      prologue: bytes.subarray(0, first),
      recordsBefore: 1,
    });
    expect(resumed).toEqual([second]);
    // A single <record> root, resumed after it: nothing more, no error.
    const single = readFileSync(join(FIXTURES, 'marc4j-summerland-record.xml'));
    const [only] = await read(single);
    const after = await read(single.subarray(only?.next ?? 0), 50, {
      startOffset: only?.next,
      prologue: single.subarray(0, only?.position),
      recordsBefore: 1,
    });
    expect(after).toEqual([]);
  });
});

// One generated catalogue record (catalogue.demo-data's generator) as an ISO 2709 record: control number and
// source, fixed field, ISBN, authors, title, imprint, subjects and a holding's call number. The MARC import
// tests and the benches that import MARC files (bench:catalogue, bench:marc, bench:circulation) build their
// files from it.
import type { generator } from '../catalogue.demo-data.server.ts';
import { writeIso2709 } from './iso2709.ts';

type Generated = ReturnType<ReturnType<typeof generator>>;

export function generatedMarcRecord(g: Generated, controlNumber: string, source = 'VN-BENCH'): Uint8Array {
  return writeIso2709({
    leader: '00000nam a2200000 i 4500',
    fields: [
      { tag: '001', value: controlNumber },
      { tag: '003', value: source },
      { tag: '008', value: `240101s${g.year}    vm ${' '.repeat(11)}000 0 ${g.language} d` },
      ...(g.isbn ? [{ tag: '020', ind1: ' ', ind2: ' ', subfields: [{ code: 'a', value: g.isbn }] }] : []),
      ...g.creators.map((c, k) => ({
        tag: k ? '700' : '100',
        ind1: '1',
        ind2: ' ',
        subfields: [{ code: 'a', value: c }],
      })),
      { tag: '245', ind1: '1', ind2: '0', subfields: [{ code: 'a', value: g.title }] },
      {
        tag: '264',
        ind1: ' ',
        ind2: '1',
        subfields: [
          { code: 'b', value: 'Nxb. Tổng hợp' },
          { code: 'c', value: String(g.year) },
        ],
      },
      ...g.subjects.map((s) => ({ tag: '650', ind1: ' ', ind2: '4', subfields: [{ code: 'a', value: s }] })),
      { tag: '852', ind1: ' ', ind2: ' ', subfields: [{ code: 'h', value: g.callNumber }] },
    ],
  });
}

import { describe, expect, it } from 'vitest';
import { dcToRecord } from '../harvest/harvest.map.server.ts';
import { XmlRejected } from '../marc/marcxml.server.ts';
import { marcFromNode, parseOaiResponse, parseXmlTree } from './oai-harvest-parse.server.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const OAI = (inner: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2026-01-02T03:04:05Z</responseDate><request>x</request>${inner}</OAI-PMH>`;

describe('reading OAI-PMH responses', () => {
  it('reads records, deletions and the token', async () => {
    const page = await parseOaiResponse(
      enc(
        OAI(`<ListRecords>
          <record><header><identifier>oai:x:1</identifier><datestamp>2026-01-01</datestamp></header>
            <metadata><oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <dc:title>Địa chí &amp; lịch sử</dc:title><dc:creator>A</dc:creator><dc:type>PhysicalObject</dc:type>
              <dc:identifier>ISBN 978-604-0-00000-1</dc:identifier><dc:date>khoảng 1930</dc:date><dc:language>vie</dc:language>
            </oai_dc:dc></metadata></record>
          <record><header status="deleted"><identifier>oai:x:2</identifier><datestamp>2026-01-01</datestamp></header></record>
          <resumptionToken completeListSize="10" cursor="0">tok&amp;1</resumptionToken>
        </ListRecords>`),
      ),
    );
    expect(page.responseDate).toBe('2026-01-02T03:04:05Z');
    expect(page.token).toBe('tok&1');
    expect(page.completeListSize).toBe(10);
    expect(page.records.map((r) => [r.identifier, r.deleted])).toEqual([
      ['oai:x:1', false],
      ['oai:x:2', true],
    ]);
    const mapped = dcToRecord(page.records[0]?.metadata as never, { unitId: 'unit_x', published: true });
    expect(mapped.ok && mapped.input).toMatchObject({
      title: 'Địa chí & lịch sử',
      type: 'museum_object',
      isbn: '9786040000001',
      year: 1930,
      language: 'vie',
    });
  });

  it('reads OAI errors and an empty last token', async () => {
    const err = await parseOaiResponse(enc(OAI('<error code="noRecordsMatch">none</error>')));
    expect(err.errors).toEqual([{ code: 'noRecordsMatch', message: 'none' }]);
    const last = await parseOaiResponse(
      enc(OAI('<ListRecords><resumptionToken completeListSize="3" cursor="2"/></ListRecords>')),
    );
    expect(last.token).toBeNull();
  });

  it('rejects DOCTYPEs, entities, bad nesting, other documents and truncation', async () => {
    const bad = [
      '<?xml version="1.0"?><!DOCTYPE OAI-PMH SYSTEM "file:///etc/passwd"><OAI-PMH/>',
      '<!DOCTYPE x [<!ENTITY a "b">]><OAI-PMH>&a;</OAI-PMH>',
      '<OAI-PMH>&xxe;</OAI-PMH>',
      '<OAI-PMH><a></b></OAI-PMH>',
      '<OAI-PMH><ListRecords>',
      '<html><body>not oai</body></html>',
      '<?xml version="1.0" encoding="ISO-8859-1"?><OAI-PMH/>',
      `<OAI-PMH>${'<a>'.repeat(100)}${'</a>'.repeat(100)}</OAI-PMH>`,
      // Not well-formed XML, which a hand-written tokenizer let through.
      '<OAI-PMH><a x="1" x="2"/></OAI-PMH>',
      '<OAI-PMH><a x="<"/></OAI-PMH>',
      '<OAI-PMH>\u0001</OAI-PMH>',
      '<OAI-PMH><a>x</a ></OAI-PMH><!-- a -- b -->',
    ];
    for (const b of bad) await expect(parseOaiResponse(enc(b))).rejects.toBeInstanceOf(XmlRejected);
  });

  it('maps MARC 21 slim records and reports broken ones', async () => {
    const tree = await parseXmlTree(
      enc(
        '<record xmlns="http://www.loc.gov/MARC21/slim"><leader>00000nam a2200000 i 4500</leader><controlfield tag="001">x1</controlfield><datafield tag="245" ind1="0" ind2="0"><subfield code="a">Tựa</subfield></datafield></record>',
      ),
    );
    const rec = marcFromNode(tree);
    expect(typeof rec === 'string' ? rec : rec.fields).toEqual([
      { tag: '001', value: 'x1' },
      { tag: '245', ind1: '0', ind2: '0', subfields: [{ code: 'a', value: 'Tựa' }] },
    ]);
    expect(marcFromNode(await parseXmlTree(enc('<record><leader>short</leader></record>')))).toMatch(
      /leader/,
    );
  });
});

// Test helpers for the OAI-PMH provider and harvester: bulk records, and reading the XML answers.

import type { TestContext } from '../../../test/harness.ts';
import { newId } from '../catalogue.ids.server.ts';
import type { RecordValues } from '../catalogue.repository.server.ts';
import type { RecordType } from '../catalogue.schemas.server.ts';

export function recordValues(over: Partial<RecordValues> & { unitId: string; title: string }): RecordValues {
  return {
    id: newId('rec'),
    type: 'book' as RecordType,
    creators: ['Nguyễn Văn An'],
    subjects: ['Lịch sử -- Khánh Hòa'],
    dateText: null,
    year: 2001,
    language: 'vie',
    description: null,
    rights: null,
    isbn: null,
    issn: null,
    inventoryNo: null,
    controlNumber: null,
    controlSource: null,
    published: true,
    details: {},
    source: 'manual',
    sourceHash: null,
    ...over,
  };
}

export async function insertRecords(ctx: TestContext, records: RecordValues[]): Promise<void> {
  await ctx.deps.db.transaction((tx) => ctx.deps.repos.catalogue.insertRecords(tx, records, []));
}

export async function oai(ctx: TestContext, query: string): Promise<string> {
  const res = await ctx.request(`/oai?${query}`);
  if (res.status !== 200) throw new Error(`OAI answered ${res.status}`);
  return res.text();
}

export const errorCodes = (xml: string): string[] =>
  [...xml.matchAll(/<error code="([^"]+)"/g)].map((m) => m[1] as string);
export const identifiers = (xml: string): string[] =>
  [...xml.matchAll(/<identifier>([^<]+)<\/identifier>/g)].map((m) => m[1] as string);
export const tokenOf = (xml: string): string | null => {
  const m = /<resumptionToken[^>]*>([^<]+)<\/resumptionToken>/.exec(xml);
  return m ? (m[1] as string).replace(/&amp;/g, '&') : null;
};

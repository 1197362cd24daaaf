// The LRS over HTTP as a client tool sees it: auth, version header, statements (store, conflict, voiding,
// queries, paging), documents with ETags, the Activities/Agents/About resources.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { statement, xapiClient } from './lrs.test-helpers.ts';
import { revokeCredential } from './lrs-credentials.usecases.server.ts';

let ctx: TestContext;
let client: Awaited<ReturnType<typeof xapiClient>>;

beforeAll(async () => {
  ctx = await createTestContext();
  client = await xapiClient(ctx);
}, 180_000);
afterAll(() => ctx?.close());

const agentQ = (a: unknown) => encodeURIComponent(JSON.stringify(a));

describe('the LRS door', () => {
  it('answers About without credentials, with the version header', async () => {
    const res = await ctx.app.request('/xapi/about');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-experience-api-version')).toBe('1.0.3');
    expect((await res.json()).version).toContain('1.0.3');
  });

  it('refuses a request without credentials (401, with the version header and a Basic challenge)', async () => {
    const res = await ctx.app.request('/xapi/statements', {
      headers: { 'x-experience-api-version': '1.0.3' },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect(res.headers.get('x-experience-api-version')).toBe('1.0.3');
  });

  it('refuses a wrong secret and a missing version header', async () => {
    const bad = `Basic ${Buffer.from(`${client.key}:wrong`).toString('base64')}`;
    expect((await client.call('/xapi/statements', { headers: { authorization: bad } })).status).toBe(401);
    const res = await ctx.app.request('/xapi/statements', { headers: { authorization: client.auth } });
    expect(res.status).toBe(400);
  });

  it('refuses a revoked credential', async () => {
    const other = await xapiClient(ctx, 'Công cụ cũ');
    expect((await other.call('/xapi/statements')).status).toBe(200);
    await revokeCredential(ctx.deps, other.admin, other.id);
    expect((await other.call('/xapi/statements')).status).toBe(401);
    const audit = await ctx.dbh.query('SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY at', [
      other.id,
    ]);
    expect(audit.map((r) => (r as { action: string }).action)).toEqual([
      'lrs.credential.issue',
      'lrs.credential.revoke',
    ]);
  });
});

describe('statements', () => {
  it('stores a statement by PUT and returns it with stored, authority and version set', async () => {
    const s = statement();
    const put = await client.call(`/xapi/statements?statementId=${s.id}`, { method: 'PUT', json: s });
    expect(put.status).toBe(204);
    const got = await client.call(`/xapi/statements?statementId=${s.id}`);
    expect(got.status).toBe(200);
    expect(got.headers.get('x-experience-api-consistent-through')).toBeTruthy();
    const body = await got.json();
    expect(body.id).toBe(s.id);
    expect(body.stored).toMatch(/Z$/);
    expect(body.timestamp).toBeTruthy();
    expect(body.version).toBe('1.0.0');
    expect(body.authority.account.name).toBe(client.key);
  });

  it('answers POST with the ids, generating missing ones', async () => {
    const a = statement();
    const { id: _drop, ...b } = statement();
    const res = await client.call('/xapi/statements', { method: 'POST', json: [a, b] });
    expect(res.status).toBe(200);
    const ids = await res.json();
    expect(ids[0]).toBe(a.id);
    expect(ids[1]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('accepts the same statement again but refuses the same id with other content (409)', async () => {
    const s = statement();
    expect((await client.call('/xapi/statements', { method: 'POST', json: s })).status).toBe(200);
    expect((await client.call('/xapi/statements', { method: 'POST', json: s })).status).toBe(200);
    const changed = { ...s, verb: { id: 'http://adlnet.gov/expapi/verbs/failed' } };
    expect((await client.call('/xapi/statements', { method: 'POST', json: changed })).status).toBe(409);
    const got = await (await client.call(`/xapi/statements?statementId=${s.id}`)).json();
    expect(got.verb.id).toBe('http://adlnet.gov/expapi/verbs/completed');
  });

  it('stores nothing of a batch when one statement is invalid', async () => {
    const good = statement();
    const bad = statement({ verb: { id: 'not an iri' } });
    expect((await client.call('/xapi/statements', { method: 'POST', json: [good, bad] })).status).toBe(400);
    expect((await client.call(`/xapi/statements?statementId=${good.id}`)).status).toBe(404);
  });

  it('voids a statement: it leaves queries, is found by voidedStatementId, and the voiding cannot be voided', async () => {
    const target = statement();
    await client.call('/xapi/statements', { method: 'POST', json: target });
    const voiding = statement({
      verb: { id: 'http://adlnet.gov/expapi/verbs/voided' },
      object: { objectType: 'StatementRef', id: target.id },
    });
    expect((await client.call('/xapi/statements', { method: 'POST', json: voiding })).status).toBe(200);
    expect((await client.call(`/xapi/statements?statementId=${target.id}`)).status).toBe(404);
    expect((await client.call(`/xapi/statements?voidedStatementId=${target.id}`)).status).toBe(200);
    const again = statement({
      verb: { id: 'http://adlnet.gov/expapi/verbs/voided' },
      object: { objectType: 'StatementRef', id: voiding.id },
    });
    expect((await client.call('/xapi/statements', { method: 'POST', json: again })).status).toBe(400);
  });

  it('filters by agent, verb, activity and registration, and refuses unknown parameters', async () => {
    const registration = randomUUID();
    const s = statement({ context: { registration } });
    await client.call('/xapi/statements', { method: 'POST', json: s });
    const q = `agent=${agentQ({ mbox: s.actor.mbox })}&verb=${encodeURIComponent(s.verb.id)}&activity=${encodeURIComponent(s.object.id)}&registration=${registration}`;
    const res = await (await client.call(`/xapi/statements?${q}`)).json();
    expect(res.statements.map((x: { id: string }) => x.id)).toEqual([s.id]);
    expect((await client.call('/xapi/statements?colour=blue')).status).toBe(400);
    expect((await client.call(`/xapi/statements?agent=${agentQ({ name: 'no ifi' })}`)).status).toBe(400);
  });

  it('finds a statement by related activities only when asked', async () => {
    const parent = `http://example.vn/chuong-trinh/${randomUUID()}`;
    const s = statement({ context: { contextActivities: { parent: [{ id: parent }] } } });
    await client.call('/xapi/statements', { method: 'POST', json: s });
    const direct = await (
      await client.call(`/xapi/statements?activity=${encodeURIComponent(parent)}`)
    ).json();
    expect(direct.statements).toHaveLength(0);
    const related = await (
      await client.call(`/xapi/statements?activity=${encodeURIComponent(parent)}&related_activities=true`)
    ).json();
    expect(related.statements.map((x: { id: string }) => x.id)).toEqual([s.id]);
  });

  it('pages with `more` without repeating or skipping while other statements arrive', async () => {
    const verb = `http://example.vn/verbs/${randomUUID()}`;
    const first = Array.from({ length: 5 }, () => statement({ verb: { id: verb } }));
    await client.call('/xapi/statements', { method: 'POST', json: first });
    const seen: string[] = [];
    const since = encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString());
    let page = await (
      await client.call(`/xapi/statements?verb=${encodeURIComponent(verb)}&since=${since}&limit=2`)
    ).json();
    seen.push(...page.statements.map((x: { id: string }) => x.id));
    await client.call('/xapi/statements', { method: 'POST', json: [statement({ verb: { id: verb } })] });
    while (page.more) {
      page = await (await client.call(page.more)).json();
      seen.push(...page.statements.map((x: { id: string }) => x.id));
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen)).toEqual(new Set(first.map((s) => s.id)));
    expect(seen).toEqual([...first].reverse().map((s) => s.id));
  });

  it('refuses a `more` cursor it did not issue, or one with other parameters', async () => {
    const forged = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    for (const more of [
      'garbage',
      forged({ q: { limit: 'x' }, after: 1, bound: 2 }),
      forged({ q: { limit: 1, evil: 1 }, after: 1, bound: 2 }),
    ])
      expect((await client.call(`/xapi/statements?more=${more}`)).status, more).toBe(400);
    const ok = forged({ q: { limit: 1 }, after: 1, bound: 2 });
    expect((await client.call(`/xapi/statements?more=${ok}&limit=3`)).status).toBe(400);
  });

  it('answers format=ids with identifiers only and canonical in the asked language', async () => {
    const s = statement();
    await client.call('/xapi/statements', { method: 'POST', json: s });
    const ids = await (await client.call(`/xapi/statements?statementId=${s.id}&format=ids`)).json();
    expect(ids.actor).toEqual({ objectType: 'Agent', mbox: s.actor.mbox });
    expect(ids.object.definition).toBeUndefined();
    const canonical = await (
      await client.call(`/xapi/statements?statementId=${s.id}&format=canonical`, {
        headers: { 'accept-language': 'en-US' },
      })
    ).json();
    expect(canonical.object.definition.name).toEqual({ 'en-US': s.object.definition.name['en-US'] });
  });

  it('stores attachments sent as multipart/mixed and returns them with attachments=true', async () => {
    const content = new TextEncoder().encode('Chứng nhận hoàn thành');
    const { createHash } = await import('node:crypto');
    const sha2 = createHash('sha256').update(content).digest('hex');
    const attachments = [
      {
        usageType: 'http://example.vn/attachment/certificate',
        display: { vi: 'Chứng nhận' },
        contentType: 'text/plain',
        length: content.length,
        sha2,
      },
    ];
    const s = statement({ attachments });
    const boundary = 'abcABC0123';
    const head = `--${boundary}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(s)}\r\n--${boundary}\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: ${sha2}\r\n\r\n`;
    const body = Buffer.concat([
      Buffer.from(head),
      Buffer.from(content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await client.call('/xapi/statements', {
      method: 'POST',
      body,
      headers: { 'content-type': `multipart/mixed; boundary=${boundary}` },
    });
    expect(res.status).toBe(200);
    const got = await client.call(`/xapi/statements?statementId=${s.id}&attachments=true`);
    expect(got.headers.get('content-type')).toMatch(/^multipart\/mixed/);
    expect(Buffer.from(await got.arrayBuffer()).includes(Buffer.from(content))).toBe(true);
    // A declared attachment without its part is refused.
    const missing = statement({ attachments });
    expect((await client.call('/xapi/statements', { method: 'POST', json: missing })).status).toBe(400);
  });
});

describe('documents', () => {
  const activityId = 'http://example.vn/hoat-dong/doc-sach';
  const agent = agentQ({ mbox: 'mailto:tai-lieu@example.vn' });

  it('keeps state with ETags and merges JSON on POST', async () => {
    const path = `/xapi/activities/state?activityId=${encodeURIComponent(activityId)}&agent=${agent}&stateId=tien-do`;
    const put = await client.call(path, { method: 'PUT', json: { trang: 3 } });
    expect(put.status).toBe(204);
    expect(await client.call(path, { method: 'POST', json: { chuong: 2 } }).then((r) => r.status)).toBe(204);
    const got = await client.call(path);
    expect(await got.json()).toEqual({ trang: 3, chuong: 2 });
    expect(got.headers.get('etag')).toMatch(/^"[0-9a-f]{40}"$/);
    const ids = await (
      await client.call(`/xapi/activities/state?activityId=${encodeURIComponent(activityId)}&agent=${agent}`)
    ).json();
    expect(ids).toContain('tien-do');
  });

  it('refuses a stale If-Match (412) and an unconditional overwrite of a profile (409)', async () => {
    const path = `/xapi/activities/profile?activityId=${encodeURIComponent(activityId)}&profileId=ho-so`;
    expect(
      (await client.call(path, { method: 'PUT', json: { a: 1 }, headers: { 'if-none-match': '*' } })).status,
    ).toBe(204);
    const etag = (await client.call(path)).headers.get('etag') ?? '';
    expect((await client.call(path, { method: 'PUT', json: { a: 2 } })).status).toBe(409);
    expect(
      (await client.call(path, { method: 'PUT', json: { a: 2 }, headers: { 'if-match': etag } })).status,
    ).toBe(204);
    expect(
      (await client.call(path, { method: 'PUT', json: { a: 3 }, headers: { 'if-match': etag } })).status,
    ).toBe(412);
    expect(
      (await client.call(path, { method: 'PUT', json: { a: 3 }, headers: { 'if-none-match': '*' } })).status,
    ).toBe(412);
    expect(await (await client.call(path)).json()).toEqual({ a: 2 });
  });

  it('keeps agent profiles and answers the Agents and Activities resources', async () => {
    const path = `/xapi/agents/profile?agent=${agent}&profileId=so-thich`;
    expect((await client.call(path, { method: 'PUT', json: { the_loai: 'lịch sử' } })).status).toBe(400);
    expect(
      (
        await client.call(path, {
          method: 'PUT',
          json: { the_loai: 'lịch sử' },
          headers: { 'if-none-match': '*' },
        })
      ).status,
    ).toBe(204);
    expect((await client.call(path)).status).toBe(200);
    expect((await client.call(path, { method: 'DELETE' })).status).toBe(204);
    expect((await client.call(path)).status).toBe(404);
    const s = statement();
    await client.call('/xapi/statements', { method: 'POST', json: s });
    const person = await (await client.call(`/xapi/agents?agent=${agentQ({ mbox: s.actor.mbox })}`)).json();
    expect(person).toMatchObject({ objectType: 'Person', mbox: [s.actor.mbox], name: [s.actor.name] });
    const activity = await (
      await client.call(`/xapi/activities?activityId=${encodeURIComponent(s.object.id)}`)
    ).json();
    expect(activity.definition.name['vi-VN']).toBe(s.object.definition.name['vi-VN']);
  });
});

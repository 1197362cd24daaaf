// Statement validation: generated valid statements pass; each kind of damage (bad IRI, bad language map, bad
// duration, unknown property, bad timestamp, voiding without a StatementRef) is refused, wherever it lands.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  durationSeconds,
  isDuration,
  isTimestamp,
  type Json,
  type JsonObject,
  validateStatement,
} from './xapi-validate.ts';

const iri = fc
  .tuple(
    fc.constantFrom('http', 'https', 'urn'),
    fc.stringMatching(/^[a-z0-9]{1,12}$/),
    fc.stringMatching(/^[a-z0-9/-]{0,20}$/),
  )
  .map(([s, host, p]) => (s === 'urn' ? `urn:${host}:${p || 'x'}` : `${s}://${host}.vn/${p}`));
const lang = fc.constantFrom('vi', 'vi-VN', 'en', 'en-US', 'fr-CA');
const langMap = fc.dictionary(lang, fc.string({ maxLength: 20 }), { minKeys: 1, maxKeys: 3 });
const agent = fc.oneof(
  fc.stringMatching(/^[a-z]{1,8}$/).map((u) => ({ mbox: `mailto:${u}@example.vn` })),
  fc.stringMatching(/^[0-9a-f]{40}$/).map((h) => ({ objectType: 'Agent', mbox_sha1sum: h })),
  fc
    .tuple(iri, fc.string({ minLength: 1, maxLength: 10 }))
    .map(([homePage, name]) => ({ account: { homePage, name } })),
);
const duration = fc
  .tuple(fc.nat(30), fc.nat(23), fc.nat(59), fc.nat(59))
  .map(([d, h, m, s]) => `P${d}DT${h}H${m}M${s}S`);
const timestamp = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2099-01-01'), noInvalidDate: true })
  .map((d) => d.toISOString());

const validStatement = fc.record(
  {
    id: fc.uuid(),
    actor: agent,
    verb: fc.record({ id: iri, display: langMap }, { requiredKeys: ['id'] }),
    object: fc.record(
      {
        id: iri,
        definition: fc.record({ name: langMap, description: langMap, type: iri }, { requiredKeys: [] }),
      },
      { requiredKeys: ['id'] },
    ),
    result: fc.record(
      {
        success: fc.boolean(),
        completion: fc.boolean(),
        duration,
        score: fc.double({ min: -1, max: 1, noNaN: true }).map((scaled) => ({ scaled })),
      },
      { requiredKeys: [] },
    ),
    context: fc.record(
      {
        registration: fc.uuid(),
        language: lang,
        contextActivities: fc.record({
          parent: fc.array(
            iri.map((id) => ({ id })),
            { minLength: 1, maxLength: 2 },
          ),
        }),
      },
      { requiredKeys: [] },
    ),
    timestamp,
  },
  { requiredKeys: ['actor', 'verb', 'object'] },
) as fc.Arbitrary<JsonObject>;

/** Paths to every object inside a statement (where damage can be put). */
function objectsIn(v: Json, path: string[] = []): string[][] {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return [];
  const out = [path];
  for (const [k, x] of Object.entries(v)) {
    // Extension objects and language maps take any keys of their kind; damage them elsewhere.
    if (['display', 'name', 'description', 'extensions', 'account'].includes(k)) continue;
    if (Array.isArray(x))
      for (const [i, y] of x.entries()) out.push(...objectsIn(y, [...path, k, String(i)]));
    else out.push(...objectsIn(x, [...path, k]));
  }
  return out;
}
const at = (v: JsonObject, path: string[]) =>
  path.reduce<Json>((o, k) => (o as JsonObject)[k] as Json, v) as JsonObject;

describe('validateStatement', () => {
  it('accepts every generated valid statement', () => {
    fc.assert(
      fc.property(validStatement, (s) => {
        expect(validateStatement(s)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an unknown property anywhere', () => {
    fc.assert(
      fc.property(validStatement, fc.nat(), (s, pick) => {
        const places = objectsIn(s);
        const target = at(s, places[pick % places.length] as string[]);
        target.colour = 'blue';
        expect(validateStatement(s).some((p) => p.includes('unknown property'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a bad IRI as verb, activity or extension key', () => {
    fc.assert(
      fc.property(
        validStatement,
        fc.constantFrom('no scheme', 'http://a b', '', 'ftp//x'),
        fc.nat(2),
        (s, bad, where) => {
          if (where === 0) (s.verb as JsonObject).id = bad;
          else if (where === 1) (s.object as JsonObject).id = bad;
          else s.context = { extensions: { [bad]: 1 } };
          expect(validateStatement(s)).not.toEqual([]);
        },
      ),
    );
  });

  it('refuses a language map with a bad tag or a non-string value', () => {
    fc.assert(
      fc.property(
        validStatement,
        fc.constantFrom<[string, Json]>(['vi_VN', 'x'], ['', 'x'], ['en-US', 3], ['123456789', 'x']),
        (s, [k, v]) => {
          (s.verb as JsonObject).display = { [k]: v };
          expect(validateStatement(s)).not.toEqual([]);
        },
      ),
    );
  });

  it('refuses malformed durations and accepts well-formed ones', () => {
    for (const bad of [
      'PT',
      'P',
      '1H',
      'PT1.H',
      'P1DT',
      'PT-1S',
      'P1Y2M3DT4H5M6SX',
      'pt1s',
      'P4W1D',
      'P1WT1H',
    ])
      expect(isDuration(bad), bad).toBe(false);
    for (const good of ['PT1H', 'P1D', 'PT0.5S', 'P1Y2M3DT4H5M6.7S', 'P2W'])
      expect(isDuration(good), good).toBe(true);
    expect(durationSeconds('PT1H30M')).toBe(5400);
    expect(durationSeconds('P2W')).toBe(14 * 86_400);
    expect(durationSeconds('P1DT2H')).toBe(86_400 + 7200);
    expect(validateStatement({ ...baseStatement(), result: { duration: 'PT' } })).not.toEqual([]);
  });

  it('refuses timestamps without an offset or with -00:00', () => {
    for (const bad of [
      '2026-12-04',
      '2026-12-04T10:00:00',
      '2026-12-04T10:00:00-00:00',
      '2026-13-01T00:00:00Z',
      'yesterday',
    ])
      expect(isTimestamp(bad), bad).toBe(false);
    expect(isTimestamp('2026-12-04T10:00:00.123+07:00')).toBe(true);
  });

  it('refuses what the specification rules out', () => {
    const cases: Array<[string, JsonObject]> = [
      [
        'agent with two identifiers',
        { ...baseStatement(), actor: { mbox: 'mailto:a@b.vn', openid: 'http://a.vn' } },
      ],
      ['agent without identifier', { ...baseStatement(), actor: { name: 'Lan' } }],
      ['mbox without mailto', { ...baseStatement(), actor: { mbox: 'a@b.vn' } }],
      ['anonymous group without members', { ...baseStatement(), actor: { objectType: 'Group' } }],
      ['void of an activity', { ...baseStatement(), verb: { id: 'http://adlnet.gov/expapi/verbs/voided' } }],
      ['statement id not a UUID', { ...baseStatement(), id: '123' }],
      ['scaled score above 1', { ...baseStatement(), result: { score: { scaled: 1.5 } } }],
      ['raw score outside min..max', { ...baseStatement(), result: { score: { raw: 11, min: 0, max: 10 } } }],
      [
        'revision when the object is an agent',
        {
          ...baseStatement(),
          object: { objectType: 'Agent', mbox: 'mailto:x@y.vn' },
          context: { revision: '2' },
        },
      ],
      [
        'sub-statement in a sub-statement',
        {
          ...baseStatement(),
          object: {
            objectType: 'SubStatement',
            ...baseStatementBody(),
            object: { objectType: 'SubStatement', ...baseStatementBody() },
          },
        },
      ],
      ['a statement that is not an object', [] as unknown as JsonObject],
      ['version 2.0', { ...baseStatement(), version: '2.0.0' }],
      [
        'a correct responses pattern without an interaction type',
        {
          ...baseStatement(),
          object: { id: 'http://a.vn/q', definition: { correctResponsesPattern: ['a'] } },
        },
      ],
      [
        'an identified Group as authority',
        {
          ...baseStatement(),
          authority: { objectType: 'Group', mbox: 'mailto:g@b.vn', member: [{ mbox: 'mailto:a@b.vn' }] },
        },
      ],
      [
        'a Group authority of three Agents',
        {
          ...baseStatement(),
          authority: {
            objectType: 'Group',
            member: [{ mbox: 'mailto:a@b.vn' }, { mbox: 'mailto:b@b.vn' }, { mbox: 'mailto:c@b.vn' }],
          },
        },
      ],
      [
        'interaction components without a type',
        { ...baseStatement(), object: { id: 'http://a.vn/q', definition: { choices: [] } } },
      ],
    ];
    for (const [name, s] of cases) expect(validateStatement(s), name).not.toEqual([]);
  });
});

function baseStatementBody(): JsonObject {
  return {
    actor: { mbox: 'mailto:lan@example.vn' },
    verb: { id: 'http://adlnet.gov/expapi/verbs/attended' },
    object: { id: 'http://example.vn/su-kien/1' },
  };
}
function baseStatement(): JsonObject {
  return { id: '1f8c4a36-58f1-4e9b-9a3f-9c1e2d3b4a5c', ...baseStatementBody() };
}

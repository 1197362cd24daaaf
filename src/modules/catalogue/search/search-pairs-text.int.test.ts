// The title pairs are computed from the folded title text since migration 0176 (import speed, issue 17); they
// must be exactly the adjacent title lexemes of the search vector that 0152 used, in every script, or a pair
// written under one rule would not be found (or deleted) under the other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { unitIdOf } from '../../units/units.test-helpers.ts';
import { generator } from '../catalogue.demo-data.server.ts';
import type { HoldingValues, RecordValues } from '../catalogue.repository.server.ts';
import { generatedRecord } from '../catalogue.seed.server.ts';

const TITLES = [
  'Tìm hiểu Văn hóa Chăm',
  'Tìm hiểu Văn hóa Chăm'.normalize('NFD'),
  'Lịch sử Khánh Hòa — Đà Lạt (1653–2023): tập 2/3',
  'ba ba ba ba',
  'Một',
  '!!! ??? ...',
  'Война и мир',
  'Η Ιλιάδα του Ομήρου',
  '北京 上海 广州',
  '東京の歴史 と 文化',
  'ภาษาไทย เบื้องต้น',
  'हिन्दी साहित्य का इतिहास',
  'تاريخ الأدب العربي',
  '한국어 문법 연구',
  "O'Brien's guide to C++ and C# in 24 hours",
  'covid-19 và y_tế cộng đồng: 1e5 ca, 3.14 %, 2nd edition',
  'Straße Œuvre ﬁnal İstanbul ǅemal',
  'Emoji 📚 học tập 🎓 suốt đời',
  'x'.repeat(45) + ' giữa ' + 'y'.repeat(60),
  Array.from({ length: 300 }, (_, i) => `từ${i % 37}`).join(' '),
  'A1 b2 C3D4 5e 6F7g',
];

/** Pseudo-random titles from a mixed alphabet (fixed seed): letters of several scripts, digits, marks, punctuation. */
function randomTitles(count: number): string[] {
  const pool = [
    ...'aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậ0123456789 ,.-–/()\'"«»:;!?жщыёλψωあア中文한ไทยि्',
  ];
  let seed = 42;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: 3 + Math.floor(next() * 60) }, () => pool[Math.floor(next() * pool.length)]).join(
      '',
    ),
  );
}

describe('catalogue title pairs from the title text (migration 0176)', () => {
  let ctx: TestContext;
  let library: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    library = await unitIdOf(ctx, 'thu-vien-tinh');
  });
  afterAll(() => ctx.close());

  const insert = async (titles: readonly string[]): Promise<string[]> => {
    const next = generator(11);
    const records: RecordValues[] = [];
    const holdings: HoldingValues[] = [];
    for (const title of titles) {
      const built = generatedRecord(next(), library, { published: true, description: null, details: {} });
      records.push({ ...built.record, title, creators: ['Nguyễn Văn A'], subjects: ['Thử nghiệm'] });
      holdings.push(built.holding);
    }
    await ctx.deps.db.transaction((tx) => ctx.deps.repos.catalogue.insertRecords(tx, records, holdings));
    return records.map((r) => r.id);
  };
  /** Records whose pairs under the two rules differ, with a flag: does its title hold a word the parser splits? */
  const compare = (ids: readonly string[]) =>
    ctx.dbh.query<{ title: string; vector: string[]; text: string[]; split: boolean }>(
      `SELECT r.title,
         ARRAY(SELECT p FROM catalogue_title_pairs_of(r.search_vector) p ORDER BY p) AS vector,
         ARRAY(SELECT p FROM catalogue_title_pairs_of_title(r.search_title) p ORDER BY p) AS text,
         EXISTS (SELECT 1 FROM unnest(string_to_array(r.search_title, ' ')) AS w(word)
           WHERE tsvector_to_array(to_tsvector('simple', w.word)) <> ARRAY[w.word]) AS split
       FROM catalogue_records r WHERE r.id = ANY($1::text[])`,
      [ids],
    );

  it('are the adjacent title lexemes of the search vector for real titles in many scripts', async () => {
    const ids = await insert(TITLES);
    const rows = await compare(ids);
    expect(rows).toHaveLength(TITLES.length);
    expect(rows.filter((r) => JSON.stringify(r.vector) !== JSON.stringify(r.text))).toEqual([]);
    // The table holds exactly those pairs (what the insert trigger wrote).
    const [stored] = await ctx.dbh.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM catalogue_title_pairs t JOIN catalogue_records r ON r.seq = t.seq
       WHERE r.id = ANY($1::text[])`,
      [ids],
    );
    expect(stored?.n).toBe(rows.reduce((n, r) => n + r.text.length, 0));
  });

  it('differ from the search vector only where the text-search parser splits a word the app keeps whole', async () => {
    const rows = await compare(await insert(randomTitles(400)));
    const differing = rows.filter((r) => JSON.stringify(r.vector) !== JSON.stringify(r.text));
    expect(rows.length - differing.length).toBeGreaterThan(390);
    expect(differing.filter((r) => !r.split)).toEqual([]);
    // `1e3n`: the parser reads the number `1e3` and the word `n`; a query is split by the app, as `1e3n`.
    const [known] = await compare(await insert(['Số 1e3n trang']));
    expect(known?.text).toEqual(['1e3n trang', 'so 1e3n']);
  });

  it('gives no pairs for a missing or one-word title', async () => {
    const rows = await ctx.dbh.query<{ a: number; b: number; c: number }>(
      `SELECT (SELECT count(*)::int FROM catalogue_title_pairs_of_title(NULL)) AS a,
              (SELECT count(*)::int FROM catalogue_title_pairs_of_title('')) AS b,
              (SELECT count(*)::int FROM catalogue_title_pairs_of_title('mot')) AS c`,
    );
    expect(rows[0]).toEqual({ a: 0, b: 0, c: 0 });
  });
});

// Loans on the learner record (issue 15): each lend and return of a reader linked to a learner account writes
// one xAPI statement (borrowed / returned; the object is the catalogue record) through the LRS module's write
// port, in the desk's transaction. Only when the reader chose to keep their history: a reader who keeps none
// has no list of what they read anywhere, the learning record included. The statement id comes from the loan,
// so an offline replay or a retried return records nothing twice. A lend also counts, as verified activity (one
// book), towards the reading challenges the learner joined (learning module's port; once per loan).
import type { AppDeps } from '../../app/deps.types.ts';
import type { Db } from '../../db/client.server.ts';
import { catalogueRecordsPort } from '../catalogue/index.server.ts';
import { creditChallenges } from '../learning/index.server.ts';
import { lrsPort } from '../lrs/index.server.ts';
import type { Item, Reader } from './circulation.repository.server.ts';

type Deps = Pick<AppDeps, 'db' | 'repos' | 'now' | 'config'>;

/** Whether a lend or return of this reader goes on a learning record. */
export const keepsLoansOnRecord = (reader: Pick<Reader, 'learnerId' | 'keepHistory'>): boolean =>
  reader.learnerId !== null && reader.keepHistory;

export async function recordLoanStatement(
  deps: Deps,
  tx: Db,
  reader: Pick<Reader, 'learnerId' | 'keepHistory'> | null,
  e: { loanId: string; kind: 'borrowed' | 'returned'; item: Pick<Item, 'recordId' | 'unitId'>; at: Date },
): Promise<void> {
  if (!reader || !keepsLoansOnRecord(reader) || !reader.learnerId) return;
  const [record] = await catalogueRecordsPort.summaries(deps, tx, [e.item.recordId]);
  await lrsPort.recordActivity(deps, tx, {
    sourceKey: `circulation.${e.kind}:${e.loanId}`,
    learnerId: reader.learnerId,
    verb: e.kind,
    activity: {
      id: `${deps.config.publicUrl}/records/${e.item.recordId}`,
      name: record?.title ?? e.item.recordId,
      type: 'http://id.tincanapi.com/activitytype/book',
    },
    at: e.at,
    unitId: e.item.unitId,
    category: 'reading',
  });
  if (e.kind === 'borrowed')
    await creditChallenges(deps, tx, {
      learnerId: reader.learnerId,
      source: 'loan',
      sourceRef: e.loanId,
      title: record?.title ?? e.item.recordId,
      at: e.at,
      books: 1,
      minutes: 0,
      recordId: e.item.recordId,
    });
}

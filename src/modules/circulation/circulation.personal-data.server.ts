// What circulation holds about a person, for access/export and erasure (issue 14). Erasure keeps the loans
// (the figures count them) but removes the person: card details blanked, the reader unlinked from loans.
import type { PersonalDataHandler } from '../../app/module.ts';
import type { Db } from '../../db/client.server.ts';

async function readersOf(
  deps: Parameters<PersonalDataHandler['export']>[0],
  db: Db,
  learnerIds: readonly string[],
) {
  return deps.repos.circulation.readersOfLearners(db, learnerIds);
}

export const circulationPersonalData: PersonalDataHandler = {
  inventory: [
    {
      table: 'circulation_readers',
      fields: ['name', 'phone', 'email', 'birth_year', 'guardian_name', 'card_number'],
      purpose: 'circulation.privacy.purpose',
      retention: 'circulation.privacy.retention',
      visibleTo: 'circulation.privacy.visibleTo',
    },
    {
      table: 'circulation_loans',
      fields: ['reader_id', 'loaned_at', 'returned_at'],
      purpose: 'circulation.privacy.loansPurpose',
      retention: 'circulation.privacy.loansRetention',
      visibleTo: 'circulation.privacy.visibleTo',
    },
  ],
  async export(deps, db, subject) {
    const readers = await readersOf(deps, db, subject.learnerIds);
    const loans = (
      await Promise.all(
        readers.map(async (r) => [
          ...(await deps.repos.circulationLoans.openLoansOfReader(db, r.id)),
          ...(await deps.repos.circulationLoans.pastLoansOfReader(db, r.id, 10_000)),
        ]),
      )
    ).flat();
    const holds = await deps.repos.circulationLoans.holdsOfReader(
      db,
      readers.map((r) => r.id),
    );
    return { circulation_readers: readers, circulation_loans: loans, circulation_holds: holds };
  },
  async erase(deps, db, subject) {
    const ids = (await readersOf(deps, db, subject.learnerIds)).map((r) => r.id);
    await deps.repos.circulationLoans.forgetReaderHistory(db, ids);
    await deps.repos.circulation.pseudonymiseReaders(db, ids);
  },
};

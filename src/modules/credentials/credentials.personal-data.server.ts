// What the credentials module holds about a person, for access/export and erasure (issue 14).
import type { PersonalDataHandler } from '../../app/module.ts';

export const credentialsPersonalData: PersonalDataHandler = {
  inventory: [
    {
      table: 'credential_awards',
      fields: ['learner_id', 'recipient_name', 'reason', 'document'],
      purpose: 'credentials.privacy.purpose',
      retention: 'credentials.privacy.retention',
      visibleTo: 'credentials.privacy.visibleTo',
    },
  ],
  async export(deps, db, subject) {
    const ids = [...subject.learnerIds, ...(subject.userId ? [subject.userId] : [])];
    const awards = await deps.repos.credentials.awardsOf(db, ids);
    return { credential_awards: awards.map((a) => ({ ...a })) };
  },
  async erase(deps, db, subject) {
    const ids = [...subject.learnerIds, ...(subject.userId ? [subject.userId] : [])];
    // The signed document names the person and cannot be pseudonymised without breaking its proof: it goes.
    // Its status bit stays as it was, so a copy someone kept still reads as it did (valid or revoked).
    await deps.repos.credentials.deleteAwardsOf(db, ids);
  },
};

// What the citizen module holds about a person (issue 14): their self-assessments. Erasure pseudonymises them
// so the yearly recognition counts (an indicator) stay equal.
import type { PersonalDataHandler } from '../../app/module.ts';
import { subjectUserIds } from '../../db/personal-data.server.ts';

export const citizenPersonalData: PersonalDataHandler = {
  inventory: [
    {
      table: 'citizen_assessments',
      fields: ['learner_id', 'commune', 'evidence', 'manual_evidence', 'review_note'],
      purpose: 'citizen.privacy.purpose',
      retention: 'citizen.privacy.retention',
      visibleTo: 'citizen.privacy.visibleTo',
    },
  ],
  async export(deps, db, subject) {
    const rows = await deps.repos.citizen.ofLearners(db, subjectUserIds(subject));
    return { citizen_assessments: rows.map((r) => ({ ...r })) };
  },
  async erase(deps, db, subject) {
    await deps.repos.citizen.pseudonymise(db, subjectUserIds(subject));
  },
};

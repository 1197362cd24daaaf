// What the learners module holds about a person (issue 14's data-subject rights): contacts, profiles with their
// versions, consents. Erasure deletes them (profile versions and consents go with their profile).
import type { PersonalDataHandler } from '../../app/module.ts';

export const learnersPersonalData: PersonalDataHandler = {
  inventory: [
    {
      table: 'learner_contacts',
      fields: ['address', 'kind', 'verified_at'],
      purpose: 'learners.pd.contactsPurpose',
      retention: 'learners.pd.untilErased',
      visibleTo: 'learners.pd.ownerOnly',
    },
    {
      table: 'learner_profiles',
      fields: [
        'display_name',
        'birth_year',
        'youngest_birth_year',
        'commune',
        'interests',
        'preferred_language',
      ],
      purpose: 'learners.pd.profilesPurpose',
      retention: 'learners.pd.untilErased',
      visibleTo: 'learners.pd.ownerAndGuardian',
    },
    {
      table: 'learner_profile_versions',
      fields: ['data', 'changed_by', 'changed_at'],
      purpose: 'learners.pd.versionsPurpose',
      retention: 'learners.pd.untilErased',
      visibleTo: 'learners.pd.ownerAndGuardian',
    },
    {
      table: 'learner_consents',
      fields: ['kind', 'given_by_user_id', 'verified_contact', 'wording', 'given_at', 'withdrawn_at'],
      purpose: 'learners.pd.consentsPurpose',
      retention: 'learners.pd.untilErased',
      visibleTo: 'learners.pd.ownerAndGuardian',
    },
    {
      table: 'learner_codes',
      fields: ['address_hash', 'code_hash'],
      purpose: 'learners.pd.codesPurpose',
      retention: 'learners.pd.codesRetention',
      visibleTo: 'learners.pd.nobody',
    },
  ],
  async export(deps, db, subject) {
    const repo = deps.repos.learners;
    const userIds = subject.userId ? [subject.userId] : [];
    const managed = subject.userId ? await repo.managedBy(db, subject.userId) : [];
    const ids = [...new Set([...subject.learnerIds, ...managed.map((m) => m.id)])];
    const profiles = await repo.profiles(db, ids);
    const versions = (await Promise.all(ids.map((id) => repo.profileVersions(db, id)))).flat();
    return {
      learner_contacts: await repo.contactsOf(db, userIds),
      learner_profiles: profiles,
      learner_profile_versions: versions,
      learner_consents: await repo.consentsOf(db, ids),
    };
  },
  async erase(deps, db, subject) {
    const repo = deps.repos.learners;
    const managed = subject.userId ? await repo.managedBy(db, subject.userId) : [];
    const ids = [...new Set([...subject.learnerIds, ...managed.map((m) => m.id)])];
    await repo.deleteProfiles(db, ids);
    if (subject.userId) await repo.deleteContactsOf(db, [subject.userId]);
  },
};

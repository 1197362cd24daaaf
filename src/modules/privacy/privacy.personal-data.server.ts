// What the privacy module itself holds about a person, for access/export: their consent history (the ledger,
// by learner id or by the hash of a guest's contact) and the requests they filed from their account. Erasure
// leaves both: the ledger is append-only proof of consent (it holds ids and keyed hashes, never a name or a
// contact in clear), and a completed deletion request blanks its own contact (privacy.usecases.server.ts).
import type { PersonalDataHandler } from '../../app/module.ts';
import { contactHash } from './index.server.ts';

export const privacyPersonalData: PersonalDataHandler = {
  inventory: [
    {
      table: 'consent_ledger',
      fields: ['learner_id', 'contact_hash', 'purpose', 'action', 'notice_version', 'channel', 'at'],
      purpose: 'privacy.inventory.consents.purpose',
      retention: 'privacy.inventory.consents.retention',
      visibleTo: 'privacy.inventory.consents.visibleTo',
    },
  ],
  async export(deps, db, s) {
    const hashes = [...s.emails, ...s.phones].map((c) => contactHash(deps, c));
    const ledger = await deps.repos.consents.history(db, s.learnerIds, hashes);
    const requests = s.userId ? await deps.repos.privacy.ofUser(db, s.userId) : [];
    return {
      consent_ledger: ledger.map((e) => ({ ...e })),
      privacy_requests: requests.map((r) => ({ ...r })),
    };
  },
  async erase() {
    // Nothing to erase: see the file's header.
  },
};

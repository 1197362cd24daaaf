// What the LRS holds about a person: statements whose actor is their learner account, the documents stored
// under that agent, and their goals. Erasure replaces the learner by a random pseudonym in the statements
// (the rows stay, so hours and active learners stay equal) and deletes documents and goals.
import { randomBytes } from 'node:crypto';
import type { PersonalDataHandler } from '../../app/module.ts';
import { learnerAgent } from './index.server.ts';
import { agentKey } from './xapi-format.ts';

export const lrsPersonalData: PersonalDataHandler = {
  inventory: [
    {
      table: 'lrs_statements',
      fields: [
        'statement.actor',
        'learner_id',
        'unit_id',
        'place_id',
        'commune',
        'category',
        'duration_seconds',
      ],
      purpose: 'lrs.personalData.statements.purpose',
      retention: 'lrs.personalData.statements.retention',
      visibleTo: 'lrs.personalData.statements.visibleTo',
    },
    {
      table: 'lrs_documents',
      fields: ['agent_key', 'content'],
      purpose: 'lrs.personalData.documents.purpose',
      retention: 'lrs.personalData.documents.retention',
      visibleTo: 'lrs.personalData.documents.visibleTo',
    },
    {
      table: 'lrs_goals',
      fields: ['learner_id', 'year', 'hours'],
      purpose: 'lrs.personalData.goals.purpose',
      retention: 'lrs.personalData.goals.retention',
      visibleTo: 'lrs.personalData.goals.visibleTo',
    },
  ],
  async export(deps, db, subject) {
    const keys = subject.learnerIds.map((id) => agentKey(learnerAgent(deps, id)) as string);
    const goals = [];
    for (const id of subject.learnerIds)
      goals.push(...(await deps.repos.lrsRecord.goals(db, id)).map((g) => ({ learnerId: id, ...g })));
    return {
      lrs_statements: await deps.repos.lrsRecord.statementsOf(db, subject.learnerIds),
      lrs_documents: await deps.repos.lrsDocuments.byAgentKeys(db, keys),
      lrs_goals: goals,
    };
  },
  async erase(deps, db, subject) {
    for (const id of subject.learnerIds) {
      const pseudonym = `erased_${randomBytes(12).toString('hex')}`;
      const from = agentKey(learnerAgent(deps, id)) as string;
      const actor = {
        objectType: 'Agent',
        account: { homePage: `${deps.config.publicUrl}/erased`, name: pseudonym },
      };
      await deps.repos.lrsRecord.pseudonymise(
        db,
        id,
        { from, to: agentKey(actor) as string },
        pseudonym,
        actor,
      );
      await deps.repos.lrsDocuments.deleteByAgentKeys(db, [from]);
    }
  },
};

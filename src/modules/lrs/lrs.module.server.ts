// The learning record store module: the xAPI 1.0.3 LRS at /xapi, the platform's own statements (event
// check-ins so far), the learner's record pages and the staff aggregates (see src/app/module.ts).
import type { FeatureModule } from '../../app/module.ts';
import { lrsIds } from './lrs.ids.server.ts';
import { lrsIndicatorSources } from './lrs.indicators.server.ts';
import { lrsPersonalData } from './lrs.personal-data.server.ts';
import { lrsPermissions } from './lrs.policies.ts';
import { recordAttendance } from './lrs-attendance.server.ts';
import { createLrsCredentialsRepository } from './lrs-credentials.repository.server.ts';
import { createLrsDocumentsRepository } from './lrs-documents.repository.server.ts';
import { recordLearning } from './lrs-learning.server.ts';
import { createLrsRecordRepository } from './lrs-record.repository.server.ts';
import {
  createLrsLookupRepository,
  createLrsStatementsRepository,
} from './lrs-statements.repository.server.ts';
import { mountXapi } from './xapi.http.server.ts';

export const repositories = () => ({
  lrsStatements: createLrsStatementsRepository(),
  lrsLookup: createLrsLookupRepository(),
  lrsDocuments: createLrsDocumentsRepository(),
  lrsCredentials: createLrsCredentialsRepository(),
  lrsRecord: createLrsRecordRepository(),
});

export const feature: FeatureModule = {
  name: 'lrs',
  idPrefixes: lrsIds.prefixes,
  tables: ['lrs_credentials', 'lrs_statements', 'lrs_attachments', 'lrs_documents', 'lrs_goals'],
  repositories,
  permissions: lrsPermissions,
  http: [mountXapi],
  // Events and learning stay unaware of the LRS: check-ins, path steps, quiz attempts and path completions
  // become statements.
  attendanceListeners: [recordAttendance],
  learningListeners: [recordLearning],
  // The LRS authenticates its clients itself (HTTP Basic, lrs_credentials); only About is open.
  publicApi: ['GET /xapi/about', 'GET /xapi/openapi.json', 'ALL /xapi/*'],
  nav: [
    {
      path: '/admin/learning-record',
      label: 'lrs.nav.aggregates',
      action: 'lrs.aggregate.read',
      group: 'content',
    },
    {
      path: '/admin/xapi-clients',
      label: 'lrs.nav.clients',
      action: 'lrs.credential.manage',
      group: 'admin',
    },
  ],
  publicNav: [{ path: '/hoc-tap', label: 'lrs.nav.record', group: 'main', audience: 'signed-in' }],
  indicatorSources: lrsIndicatorSources,
  personalData: lrsPersonalData,
};

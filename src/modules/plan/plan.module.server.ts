// The plan module: what it contributes to the platform (see src/app/module.ts).

import type { FeatureModule } from '../../app/module.ts';
import { mergePermissionTables } from '../../lib/authz.ts';
import { planBudgetPermissions } from './budget/budget.policies.ts';
import { createPlanBudgetRepository } from './budget/budget.repository.server.ts';
import { registerPlanBudgetRoutes } from './budget/budget.routes.server.ts';
import { seedDemoPlanBudget } from './budget/budget.seed.server.ts';
import { planIndicatorSources } from './indicators/plan-indicators.queries.server.ts';
import { planIds } from './plan.ids.server.ts';
import { planPermissions } from './plan.policies.ts';
import { createPlanRepository } from './plan.repository.server.ts';
import { registerPlanRoutes } from './plan.routes.server.ts';
import { seedCommemorativeDays, seedPlan } from './plan.seed.server.ts';
import { createPlanLookupRepository } from './plan-lookup.repository.server.ts';
import {
  REMINDER_SEND_JOB,
  REMINDERS_JOB,
  runReminderScan,
  sendReminder,
} from './reminders/reminders.server.ts';
import { createPlanTaskEditRepository } from './tasks/task-edit.repository.server.ts';
import { createPlanOverviewRepository } from './timeline/overview.repository.server.ts';
import { APPROVED_NOTICE_JOB, sendApprovalNotice } from './work/approval-notice.server.ts';
import { mountPlanTaskPageCache } from './work/task-page-cache.server.ts';
import { createPlanWorkRepository } from './work/work.repository.server.ts';
import { registerPlanWorkRoutes } from './work/work.routes.server.ts';
import { seedDemoPlanWork } from './work/work.seed.server.ts';
import { createPlanWorkQueries } from './work/work-queries.repository.server.ts';

/** This module's repositories, merged into `deps.repos`. */
export const repositories = () => ({
  plan: createPlanRepository(),
  planLookup: createPlanLookupRepository(),
  planWork: createPlanWorkRepository(),
  planWorkQueries: createPlanWorkQueries(),
  planTaskEdits: createPlanTaskEditRepository(),
  planBudget: createPlanBudgetRepository(),
  planOverview: createPlanOverviewRepository(),
});

export const feature: FeatureModule = {
  name: 'plan',
  idPrefixes: planIds.prefixes,
  tables: [
    'plan_tasks',
    'plan_task_units',
    'plan_task_instances',
    'commemorative_days',
    'plan_unit_reports',
    'plan_evidence',
    'plan_instance_events',
    'plan_task_edits',
    'plan_budget_lines',
  ],
  repositories,
  permissions: mergePermissionTables(planPermissions, planBudgetPermissions),
  api: [registerPlanRoutes, registerPlanWorkRoutes, registerPlanBudgetRoutes],
  http: [mountPlanTaskPageCache],
  jobLabels: {
    'plan.reminders': 'portal.jobKind.planReminders',
    'plan.reminder.send': 'portal.jobKind.planReminderSend',
    'plan.approved.send': 'portal.jobKind.planApprovedSend',
  },
  jobs: {
    [REMINDERS_JOB]: runReminderScan,
    [REMINDER_SEND_JOB]: sendReminder,
    [APPROVED_NOTICE_JOB]: sendApprovalNotice,
  },
  schedules: [{ kind: REMINDERS_JOB, dailyAt: '07:00' }],
  seedReference: async (deps) => {
    await seedPlan(deps);
    await seedCommemorativeDays(deps);
  },
  indicatorSources: planIndicatorSources,
  seedDemo: async (deps) => {
    await seedDemoPlanWork(deps);
    await seedDemoPlanBudget(deps);
  },
  nav: [
    { path: '/admin/plan/my-work', label: 'planwork.myWork.nav', action: 'plan.task.read', group: 'work' },
    { path: '/admin/plan/tasks', label: 'plan.nav', action: 'plan.task.read', group: 'work' },
    { path: '/admin/plan/timeline', label: 'planTimeline.nav', action: 'plan.task.read', group: 'work' },
    {
      path: '/admin/plan/units',
      label: 'planTimeline.overview.nav',
      action: 'plan.task.read',
      group: 'work',
    },
    { path: '/admin/plan/budget', label: 'planBudget.nav', action: 'plan.budget.read', group: 'work' },
  ],
};

// Background job kinds in words (issue 19, item 12): the jobs page and the dashboard never show a raw code
// alone. A kind contributed later by another module falls back to "Tác vụ {kind}" until it is named here.
import type { MessageKey } from '../../lib/i18n.ts';

const KNOWN = {
  'auth.sweep': 'portal.jobKind.authSweep',
  'jobs.prune': 'portal.jobKind.jobsPrune',
  'plan.reminders': 'portal.jobKind.planReminders',
  'plan.reminder.send': 'portal.jobKind.planReminderSend',
  'plan.approved.send': 'portal.jobKind.planApprovedSend',
  'catalogue.tabular.import': 'portal.jobKind.catalogueTabularImport',
  'catalogue.marc.import': 'portal.jobKind.catalogueMarcImport',
  'catalogue.harvest': 'portal.jobKind.catalogueHarvest',
  'catalogue.harvest.schedule': 'portal.jobKind.catalogueHarvestSchedule',
  'events.feedback-invitations': 'portal.jobKind.eventsFeedbackInvitations',
  'events.ticket-mails': 'events.jobKind.ticketMails',
  'eventFeeds.community.refresh': 'portal.jobKind.eventFeedsCommunityRefresh',
  'follows.scan': 'portal.jobKind.followsScan',
  'follows.notify': 'portal.jobKind.followsNotify',
  'credentials.rules.evaluate': 'portal.jobKind.credentialsRulesEvaluate',
  'circulation.reminders': 'portal.jobKind.circulationReminders',
  'circulation.holdShelf.expire': 'portal.jobKind.circulationHoldShelfExpire',
  'reports.generate': 'portal.jobKind.reportsGenerate',
  'reports.reminders': 'reports.jobKind.reminders',
  'news.publish-due': 'portal.jobKind.newsPublishDue',
} as const satisfies Record<string, MessageKey>;

export const KNOWN_JOB_KINDS: readonly string[] = Object.keys(KNOWN);

/** The message for a job kind; the fallback message takes the raw kind as `{kind}`. */
export function jobKindKey(kind: string): MessageKey {
  return (KNOWN as Record<string, MessageKey>)[kind] ?? 'portal.jobKind.other';
}

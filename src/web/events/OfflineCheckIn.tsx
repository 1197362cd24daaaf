// The wiring of the offline check-in island (check-in-offline.js, beside this file) on a page: the messages it
// says, the data element that starts one island per ticket list, and its script. The event's check-in page has
// one island; the mobile-library van's page one per event at the route's stops.
import type { MessageKey } from '../../lib/i18n.ts';
import offlineUrl from './check-in-offline.js?url&no-inline';

/** What the island says; a loader passes them translated (`messagesFor(locale, OFFLINE_CHECK_IN_MESSAGES)`). */
export const OFFLINE_CHECK_IN_MESSAGES = [
  'events.checkin.offline.ready',
  'events.checkin.offline.saved',
  'events.checkin.offline.notOnList',
  'events.checkin.offline.duplicate',
  'events.checkin.offline.pending',
  'events.checkin.offline.syncing',
  'events.checkin.offline.synced',
  'events.checkin.offline.ok',
  'events.checkin.offline.dup',
  'events.checkin.offline.bad',
  'events.error.checkIn.badCode',
] as const satisfies readonly MessageKey[];

/** One session's ticket list, kept on the device by the island. */
export interface OfflineCheckInList {
  eventId: string;
  sessionId: string;
  tickets: ReadonlyArray<{ code: string; name: string; partySize: number }>;
  messages: Record<string, string>;
}

/**
 * Starts one island. Without `ids` it uses the check-in page's elements (`ci-form`, `ci-offline`,
 * `ci-offline-status`, `ci-offline-log`); `queueOnline` queues codes even with a network (the van).
 */
export function OfflineCheckInData({
  list,
  ids,
  queueOnline,
}: {
  list: OfflineCheckInList;
  ids?: { form: string; box: string; status: string; log: string };
  queueOnline?: boolean;
}) {
  return (
    <div
      id={ids ? undefined : 'ci-offline-data'}
      hidden
      data-ci-offline={JSON.stringify(list)}
      data-form={ids?.form}
      data-box={ids?.box}
      data-status={ids?.status}
      data-log={ids?.log}
      data-queue-online={queueOnline ? 'true' : undefined}
    />
  );
}

/** The island's script, once per page (it starts every data element on it). */
export function OfflineCheckInScript({ nonce }: { nonce: string | undefined }) {
  return <script src={offlineUrl} nonce={nonce} defer />;
}

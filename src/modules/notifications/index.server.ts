// The notifications module's public surface. `sendNotice` is the notification channel every module uses to
// reach a person by phone (Zalo ZNS template, brand-name SMS) or e-mail, falling back to the outbox; see
// notice.server.ts and docs/notices.md.

export { toSmsText } from './notice.providers.server.ts';
export { type Notice, type NoticeChannel, sendNotice } from './notice.server.ts';

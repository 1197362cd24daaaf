// Vocabulary of plan work (unit reports) that pages may import (no server imports).
export const REPORT_STATUSES = ['not_started', 'in_progress', 'done', 'not_done'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATES = ['draft', 'ready', 'submitted', 'approved', 'returned'] as const;
export type ReportState = (typeof REPORT_STATES)[number];
export const RECORD_TYPES = ['event', 'exhibition', 'training', 'news'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

// Client-safe vocabulary of commendations.
export const NOMINEE_KINDS = ['collective', 'individual'] as const;
/** model: mô hình hay; practice: cách làm sáng tạo; achievement: other outstanding achievement. */
export const COMM_CATEGORIES = ['model', 'practice', 'achievement'] as const;
export const COMM_STATUSES = ['nominated', 'review', 'decided', 'rejected'] as const;
/** Giấy khen of the Department's director, Bằng khen of the Province, the Ministry, the Prime Minister. */
export const COMM_LEVELS = ['department', 'province', 'ministry', 'government'] as const;
export type NomineeKind = (typeof NOMINEE_KINDS)[number];
export type CommCategory = (typeof COMM_CATEGORIES)[number];
export type CommStatus = (typeof COMM_STATUSES)[number];
export type CommLevel = (typeof COMM_LEVELS)[number];

// Vocabulary of events that pages may import (no server imports): categories, audiences, statuses, limits,
// and the consent text shown to guests.
export const EVENT_CATEGORIES = [
  'reading',
  'heritage',
  'digital_skills',
  'talk',
  'exhibition_opening',
  'class',
  'other',
] as const;
export type EventCategory = (typeof EVENT_CATEGORIES)[number];

export const EVENT_AUDIENCES = ['children', 'youth', 'adults', 'elderly', 'families'] as const;
export type EventAudience = (typeof EVENT_AUDIENCES)[number];

export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const REGISTRATION_MODES = ['series', 'session'] as const;
export type RegistrationMode = (typeof REGISTRATION_MODES)[number];

export type RegistrationStatus = 'confirmed' | 'waitlisted' | 'cancelled';

export const MAX_PARTY_SIZE = 10;

/** The consent a guest gives, stored with the registration in the words shown (Vietnamese first). */
export const CONSENT_TEXT =
  'Tôi đồng ý để đơn vị tổ chức dùng họ tên và số điện thoại/email này chỉ để quản lý đăng ký, gửi vé và liên hệ về sự kiện; dữ liệu được xóa sau 12 tháng.';

// Vocabulary of the plan budget that pages may import (no server imports).
export const BUDGET_SOURCES = ['ngan_sach_su_nghiep', 'xa_hoi_hoa', 'nguon_hop_phap_khac'] as const;
export type BudgetSource = (typeof BUDGET_SOURCES)[number];

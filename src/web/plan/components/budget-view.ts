// Labels of budget sources and stages for the back-office pages (client-safe); the loader-side shaping of
// budget lines is in budget-view.server.ts.

import type { MessageKey } from '../../../lib/i18n.ts';
import type { BudgetSource } from '../../../modules/plan/budget/budget.vocab.ts';

export const sourceKey = (s: BudgetSource): MessageKey => `planBudget.source.${s}`;

export type LineStage = 'estimated' | 'appraised' | 'spent';
export const stageKey = (s: LineStage): MessageKey => `planBudget.stage.${s}`;

export type { BudgetLineView } from './budget-view.server.ts';

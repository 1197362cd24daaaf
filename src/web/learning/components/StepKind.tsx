// The kind of a step in words (a page, a quiz, a book to read …), shared by the public and back-office pages.
import type { MessageKey } from '../../../lib/i18n.ts';
import type { StepKind } from '../../../modules/learning/learning.vocab.ts';

export const stepKindKey = (kind: StepKind): MessageKey => `learning.kind.${kind}`;

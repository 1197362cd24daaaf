// Quizzes: the staff's plain-text notation (no JavaScript needed to write one) and automatic grading.
//
//   ? Sách và Văn hóa đọc Việt Nam là ngày nào?
//   * 21/4
//   - 23/4
//
// `?` starts a question, `*` a correct option, `-` a wrong one. More than one `*` makes it multiple choice.
import type { Quiz, QuizQuestion } from './learning.vocab.ts';

export type QuizTextProblem = 'empty' | 'noOptions' | 'noCorrect' | 'orphanOption' | 'badLine' | 'tooMany';

export const MAX_QUESTIONS = 50;
export const MAX_OPTIONS = 10;

export function parseQuizText(
  text: string,
): { ok: true; questions: QuizQuestion[] } | { ok: false; problem: QuizTextProblem; line: number } {
  const questions: QuizQuestion[] = [];
  const lines = text.normalize('NFC').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '') continue;
    const mark = line[0];
    const rest = line.slice(1).trim();
    if (rest === '' || rest.length > 500) return { ok: false, problem: 'badLine', line: i + 1 };
    if (mark === '?') {
      if (questions.length >= MAX_QUESTIONS) return { ok: false, problem: 'tooMany', line: i + 1 };
      questions.push({ id: `q${questions.length + 1}`, prompt: rest, multiple: false, options: [] });
    } else if (mark === '*' || mark === '-') {
      const q = questions.at(-1);
      if (!q) return { ok: false, problem: 'orphanOption', line: i + 1 };
      if (q.options.length >= MAX_OPTIONS) return { ok: false, problem: 'tooMany', line: i + 1 };
      q.options.push({ id: `${q.id}o${q.options.length + 1}`, label: rest, correct: mark === '*' });
    } else {
      return { ok: false, problem: 'badLine', line: i + 1 };
    }
  }
  if (questions.length === 0) return { ok: false, problem: 'empty', line: 1 };
  for (const q of questions) {
    if (q.options.length < 2) return { ok: false, problem: 'noOptions', line: lineOf(lines, q.prompt) };
    const correct = q.options.filter((o) => o.correct).length;
    if (correct === 0) return { ok: false, problem: 'noCorrect', line: lineOf(lines, q.prompt) };
    q.multiple = correct > 1;
  }
  return { ok: true, questions };
}

const lineOf = (lines: string[], prompt: string) =>
  Math.max(1, lines.findIndex((l) => l.trim().startsWith('?') && l.trim().slice(1).trim() === prompt) + 1);

/** The notation back from a stored quiz (the edit form shows it). */
export function quizToText(questions: readonly QuizQuestion[]): string {
  return questions
    .map((q) => [`? ${q.prompt}`, ...q.options.map((o) => `${o.correct ? '*' : '-'} ${o.label}`)].join('\n'))
    .join('\n\n');
}

/** Chosen option ids per question id, as posted. */
export type QuizAnswers = Record<string, readonly string[]>;

export interface QuizGrade {
  correct: number;
  total: number;
  scorePercent: number;
  passed: boolean;
  /** Per question: answered right or not (shown after grading; the right options are not revealed). */
  results: Record<string, boolean>;
}

export class ForeignAnswerError extends Error {}

/**
 * Grades answers against the quiz. A question is right when exactly its correct options are chosen. Answers
 * naming a question or option this quiz does not have (another quiz's, or forged), or several options on a
 * single-choice question, are refused rather than ignored.
 */
export function gradeQuiz(quiz: Quiz, answers: QuizAnswers): QuizGrade {
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  for (const [qid, chosen] of Object.entries(answers)) {
    const q = byId.get(qid);
    if (!q) throw new ForeignAnswerError(`unknown question ${qid}`);
    const ids = new Set(q.options.map((o) => o.id));
    for (const c of chosen) if (!ids.has(c)) throw new ForeignAnswerError(`unknown option ${c}`);
    if (!q.multiple && new Set(chosen).size > 1) throw new ForeignAnswerError(`several options on ${qid}`);
  }
  const results: Record<string, boolean> = {};
  let correct = 0;
  for (const q of quiz.questions) {
    const chosen = new Set(answers[q.id] ?? []);
    const right = q.options.every((o) => o.correct === chosen.has(o.id));
    results[q.id] = right;
    if (right) correct++;
  }
  const total = quiz.questions.length;
  const scorePercent = total === 0 ? 0 : Math.round((correct * 100) / total);
  return { correct, total, scorePercent, passed: scorePercent >= quiz.passMark, results };
}

/** The quiz as learners see it: options without the answers. */
export function publicQuiz(quiz: Quiz) {
  return {
    passMark: quiz.passMark,
    maxAttempts: quiz.maxAttempts,
    questions: quiz.questions.map((q) => ({
      id: q.id,
      prompt: q.prompt,
      multiple: q.multiple,
      options: q.options.map((o) => ({ id: o.id, label: o.label })),
    })),
  };
}
export type PublicQuiz = ReturnType<typeof publicQuiz>;

import { describe, expect, it } from 'vitest';
import { ForeignAnswerError, gradeQuiz, parseQuizText, quizToText } from './learning.quiz.ts';
import type { Quiz } from './learning.vocab.ts';

const TEXT = `? Ngày Sách và Văn hóa đọc Việt Nam là ngày nào?
* 21/4
- 23/4

? Những nơi nào cho mượn sách?
* Thư viện tỉnh
* Thư viện lưu động
- Bến xe`;

function quiz(passMark = 100, maxAttempts = 3): Quiz {
  const parsed = parseQuizText(TEXT);
  if (!parsed.ok) throw new Error('fixture');
  return { questions: parsed.questions, passMark, maxAttempts };
}

describe('quiz notation', () => {
  it('reads single and multiple choice questions with stable ids', () => {
    const q = quiz().questions;
    expect(q.map((x) => [x.id, x.multiple, x.options.length])).toEqual([
      ['q1', false, 2],
      ['q2', true, 3],
    ]);
    expect(q[1]?.options.map((o) => o.id)).toEqual(['q2o1', 'q2o2', 'q2o3']);
  });

  it('writes back the same notation it reads', () => {
    const parsed = parseQuizText(quizToText(quiz().questions));
    expect(parsed.ok && parsed.questions).toEqual(quiz().questions);
  });

  it('refuses a question without a correct option, an option before any question, and stray lines', () => {
    expect(parseQuizText('? Hỏi\n- a\n- b')).toMatchObject({ ok: false, problem: 'noCorrect', line: 1 });
    expect(parseQuizText('* a')).toMatchObject({ ok: false, problem: 'orphanOption', line: 1 });
    expect(parseQuizText('? Hỏi\n* a\nchữ lạ')).toMatchObject({ ok: false, problem: 'badLine', line: 3 });
    expect(parseQuizText('? Hỏi\n* a')).toMatchObject({ ok: false, problem: 'noOptions' });
    expect(parseQuizText('   ')).toMatchObject({ ok: false, problem: 'empty' });
  });
});

describe('grading', () => {
  it('passes when every question has exactly its correct options', () => {
    const g = gradeQuiz(quiz(), { q1: ['q1o1'], q2: ['q2o1', 'q2o2'] });
    expect(g).toMatchObject({ correct: 2, total: 2, scorePercent: 100, passed: true });
  });

  it('counts a multiple-choice question wrong when one correct option is missing or a wrong one added', () => {
    expect(gradeQuiz(quiz(), { q1: ['q1o1'], q2: ['q2o1'] }).results.q2).toBe(false);
    expect(gradeQuiz(quiz(), { q1: ['q1o1'], q2: ['q2o1', 'q2o2', 'q2o3'] }).results.q2).toBe(false);
  });

  it('applies the pass mark to the rounded percentage', () => {
    const half = { q1: ['q1o1'], q2: [] };
    expect(gradeQuiz(quiz(50), half)).toMatchObject({ scorePercent: 50, passed: true });
    expect(gradeQuiz(quiz(51), half)).toMatchObject({ scorePercent: 50, passed: false });
  });

  it('treats unanswered questions as wrong', () => {
    expect(gradeQuiz(quiz(), {})).toMatchObject({ correct: 0, passed: false });
  });

  it('refuses answers naming another quiz’s question or option, or two options on a single-choice question', () => {
    expect(() => gradeQuiz(quiz(), { q9: ['q9o1'] })).toThrow(ForeignAnswerError);
    expect(() => gradeQuiz(quiz(), { q1: ['q2o1'] })).toThrow(ForeignAnswerError);
    expect(() => gradeQuiz(quiz(), { q1: ['q1o1', 'q1o2'] })).toThrow(ForeignAnswerError);
  });
});

import { describe, expect, it } from 'vitest';
import { creditDay, entryDayProblem, isPathComplete, isRunning, progressPercent } from './learning.rules.ts';

const steps = [
  { id: 'a', kind: 'page', required: true },
  { id: 'b', kind: 'video', required: false },
  { id: 'c', kind: 'quiz', required: true },
];

describe('path completion rules', () => {
  it('all_steps needs every step, optional ones included', () => {
    expect(isPathComplete('all_steps', steps, new Set(['a', 'c']))).toBe(false);
    expect(isPathComplete('all_steps', steps, new Set(['a', 'b', 'c']))).toBe(true);
  });
  it('required_steps ignores optional steps', () => {
    expect(isPathComplete('required_steps', steps, new Set(['a', 'c']))).toBe(true);
    expect(isPathComplete('required_steps', steps, new Set(['a', 'b']))).toBe(false);
  });
  it('quizzes_passed needs only the quizzes, or every step when there is none', () => {
    expect(isPathComplete('quizzes_passed', steps, new Set(['c']))).toBe(true);
    const noQuiz = steps.slice(0, 2);
    expect(isPathComplete('quizzes_passed', noQuiz, new Set(['a']))).toBe(false);
    expect(isPathComplete('quizzes_passed', noQuiz, new Set(['a', 'b']))).toBe(true);
  });
  it('an empty path is never complete', () => {
    expect(isPathComplete('all_steps', [], new Set())).toBe(false);
  });
});

describe('challenge window', () => {
  const w = { startsOn: '2026-04-01', endsOn: '2026-04-30' };
  it('runs from the first to the last day inclusive', () => {
    expect(isRunning(w, '2026-03-31')).toBe(false);
    expect(isRunning(w, '2026-04-01')).toBe(true);
    expect(isRunning(w, '2026-04-30')).toBe(true);
    expect(isRunning(w, '2026-05-01')).toBe(false);
  });
  it('refuses self-logged days before the window, after it, or after today', () => {
    expect(entryDayProblem(w, '2026-04-21', '2026-03-30')).toBe('beforeWindow');
    expect(entryDayProblem(w, '2026-04-21', '2026-04-22')).toBe('future');
    expect(entryDayProblem(w, '2026-05-03', '2026-05-02')).toBe('afterWindow');
    expect(entryDayProblem(w, '2026-04-21', '2026-04-01')).toBeNull();
  });
  it('credits verified activity only when it happened inside the window', () => {
    expect(creditDay(w, '2026-03-15')).toBeNull();
    expect(creditDay(w, '2026-04-15')).toBe('2026-04-15');
  });
  it('caps progress at 100 percent', () => {
    expect(progressPercent(3, 10)).toBe(30);
    expect(progressPercent(12, 10)).toBe(100);
  });
});

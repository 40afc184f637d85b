import { describe, expect, it } from 'vitest';
import { chartPoints, quizAnswers } from './assessments';

describe('assessment chart points', () => {
  it('orders points by time and names their source', () => {
    const pts = chartPoints([
      { level: 3, source: 'QUIZ', at: '2026-12-02T10:00:00Z' },
      { level: 2, source: 'SELF', at: '2026-11-20T08:00:00Z' },
    ]);
    expect(pts.map((p) => [p.day, p.level, p.source])).toEqual([
      ['2026-11-20', 2, 'self-rating'],
      ['2026-12-02', 3, 'quiz'],
    ]);
    expect(pts[0]?.at).toBeLessThan(pts[1]?.at ?? 0);
  });
});

describe('quiz answers', () => {
  const qs = [{ id: 'a' }, { id: 'b' }];
  it('names the first unanswered question', () => {
    expect(quizAnswers(qs, { a: 1 })).toEqual({ unanswered: 2 });
  });
  it('keeps choice 0 as an answer', () => {
    expect(quizAnswers(qs, { a: 0, b: 3 })).toEqual({
      answers: [
        { questionId: 'a', choice: 0 },
        { questionId: 'b', choice: 3 },
      ],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { checkAnswer, scorePoints, startingRole } from './interview';

describe('interview helpers', () => {
  it('opens on the URL role, else the active goal role', () => {
    const goals = [
      { status: 'PAUSED', targetRole: { id: 'ux-designer' } },
      { status: 'ACTIVE', targetRole: { id: 'data-scientist' } },
    ];
    expect(startingRole(null, goals)).toBe('data-scientist');
    expect(startingRole('', goals)).toBe('');
    expect(startingRole('data-analyst', goals)).toBe('data-analyst');
    expect(startingRole(null, [])).toBe('');
  });

  it('orders attempts oldest first and numbers them', () => {
    const pts = scorePoints([
      { createdAt: '2026-12-02T10:00:00Z', feedback: { overall: 4 } },
      { createdAt: '2026-12-01T10:00:00Z', feedback: { overall: 2 } },
    ]);
    expect(pts).toEqual([
      { n: 1, at: '2026-12-01T10:00:00Z', overall: 2 },
      { n: 2, at: '2026-12-02T10:00:00Z', overall: 4 },
    ]);
  });

  it('checks answer length in characters', () => {
    expect(checkAnswer('  short ')).toMatch(/at least 10/);
    expect(checkAnswer('x'.repeat(5001))).toMatch(/at most 5000/);
    expect(checkAnswer('a sensible answer')).toBeNull();
  });
});

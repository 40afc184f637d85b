import { describe, expect, it } from 'vitest';
import {
  goalRoles,
  greeting,
  nextMilestones,
  profileTodo,
  readinessChange,
  readinessSeries,
} from './dashboard';

describe('nextMilestones', () => {
  const m = (id: string, dueDate: string | null, overdue = false, achieved = false) => ({
    id,
    title: id,
    dueDate,
    overdue,
    achieved,
  });
  it('lists open milestones of active goals, overdue first, then by date, undated last', () => {
    const goals = [
      {
        title: 'Data engineer',
        status: 'ACTIVE',
        milestones: [m('b', '2027-03-01'), m('none', null), m('done', '2026-01-01', false, true)],
      },
      { title: 'Old goal', status: 'ABANDONED', milestones: [m('x', '2026-01-01')] },
      { title: 'Cloud', status: 'ACTIVE', milestones: [m('late', '2026-11-01', true), m('a', '2027-01-15')] },
    ];
    expect(nextMilestones(goals, 5).map((x) => `${x.id}@${x.goal}`)).toEqual([
      'late@Cloud',
      'a@Cloud',
      'b@Data engineer',
      'none@Data engineer',
    ]);
  });
});

describe('profileTodo', () => {
  it('names what is missing', () => {
    expect(profileTodo({ headline: 'x', location: null, avatarUrl: '' })).toEqual([
      'Add your location',
      'Add a photo',
    ]);
  });
});

describe('greeting', () => {
  const none = {
    displayName: 'Ada',
    cvs: [],
    goals: [],
    progress: { weeklyActivity: [{ activities: 0 }] },
  };
  const cases: [string, Parameters<typeof greeting>[0], string][] = [
    ['a new account that has done nothing yet', none, 'Welcome, Ada.'],
    ['someone with a CV', { ...none, cvs: [{ id: 'cv1' }] }, 'Welcome back, Ada.'],
    ['someone with a goal', { ...none, goals: [{ id: 'g1' }] }, 'Welcome back, Ada.'],
    [
      'someone with recorded activity',
      { ...none, progress: { weeklyActivity: [{ activities: 0 }, { activities: 2 }] } },
      'Welcome back, Ada.',
    ],
  ];
  for (const [name, me, want] of cases) {
    it(name, () => expect(greeting(me)).toBe(want));
  }
});

describe('readiness over time', () => {
  const pts = [
    { readinessPercent: 55, at: '2026-12-03T10:00:00Z' },
    { readinessPercent: 42, at: '2026-12-01T10:00:00Z' },
  ];
  it('orders points oldest first', () => {
    expect(readinessSeries(pts).map((p) => p.percent)).toEqual([42, 55]);
  });
  it.each([
    ['no points', [], 'Nothing recorded yet.'],
    ['one point', [pts[0]!], '55% now; this is the first point recorded.'],
    ['a rise', pts, '55% now, up 13 points since the first of 2 points.'],
    [
      'no change',
      [pts[1]!, { readinessPercent: 42, at: '2026-12-02T00:00:00Z' }],
      '42% now, no change since the first of 2 points.',
    ],
  ])('says how it moved: %s', (_, points, want) => {
    expect(readinessChange(points)).toBe(want);
  });
  it('charts each active goal role once', () => {
    const role = (id: string) => ({ id, title: id.toUpperCase() });
    expect(
      goalRoles([
        { status: 'ACTIVE', targetRole: role('ds') },
        { status: 'ABANDONED', targetRole: role('pm') },
        { status: 'ACTIVE', targetRole: role('ds') },
        { status: 'ACTIVE', targetRole: role('de') },
      ]).map((r) => r.id),
    ).toEqual(['ds', 'de']);
  });
});

import { graphql } from '@/gql';

export const DashboardQuery = graphql(`
  query Dashboard {
    me {
      id
      displayName
      headline
      location
      avatarUrl
      progress {
        coursesInProgress
        coursesCompleted
        hoursLearned
        hoursThisWeek
        milestonesAchieved
        milestonesTotal
        currentStreak
        longestStreak
        weeklyActivity {
          weekStart
          activeDays
          activities
          hours
        }
      }
      cvs {
        id
        fileName
        status
        failure {
          message
        }
        analysis {
          score
          seniority
        }
      }
      goals {
        id
        title
        status
        targetRole {
          id
          title
        }
        milestones {
          id
          title
          dueDate
          achieved
          overdue
        }
      }
      recommendedCourses(first: 3) {
        score
        reason
        course {
          id
          title
          provider
          url
          durationHours
          free
          source {
            name
            url
          }
        }
      }
    }
  }
`);

export interface ProfileBits {
  headline?: string | null;
  location?: string | null;
  avatarUrl?: string | null;
}

/** What is still missing from a profile, as steps a person can take. */
export function profileTodo(me: ProfileBits): string[] {
  const todo: string[] = [];
  if (!me.headline) todo.push('Add a headline');
  if (!me.location) todo.push('Add your location');
  if (!me.avatarUrl) todo.push('Add a photo');
  return todo;
}

export interface MilestoneBits {
  id: string;
  title: string;
  dueDate?: string | null;
  achieved: boolean;
  overdue: boolean;
}

/** The next open milestones of active goals: overdue first, then by due date, undated last. */
export function nextMilestones(
  goals: { title: string; status: string; milestones: MilestoneBits[] }[],
  n = 3,
): (MilestoneBits & { goal: string })[] {
  return goals
    .filter((g) => g.status === 'ACTIVE')
    .flatMap((g) => g.milestones.filter((m) => !m.achieved).map((m) => ({ ...m, goal: g.title })))
    .sort((a, b) => {
      if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
      if (!a.dueDate || !b.dueDate) return a.dueDate ? -1 : b.dueDate ? 1 : 0;
      return a.dueDate.localeCompare(b.dueDate);
    })
    .slice(0, n);
}

export interface GreetingBits {
  displayName: string;
  cvs: readonly unknown[];
  goals: readonly unknown[];
  progress: { weeklyActivity: readonly { activities: number }[] };
}

/**
 * "Welcome back" only to someone who has been here before. A person who has done nothing yet (no
 * CV, no goal and no recorded activity: what a new account looks like after sign-up) gets
 * "Welcome". This reads data the dashboard has anyway, so it holds across devices and browsers.
 */
export function greeting(me: GreetingBits): string {
  const active =
    me.cvs.length > 0 || me.goals.length > 0 || me.progress.weeklyActivity.some((w) => w.activities > 0);
  return active ? `Welcome back, ${me.displayName}.` : `Welcome, ${me.displayName}.`;
}

/** "12 May" for a week's Monday (UTC). */
export function weekLabel(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

export const ReadinessHistoryQuery = graphql(`
  query DashboardReadiness($role: ID!) {
    me {
      id
      readinessHistory(targetRole: $role, first: 100) {
        readinessPercent
        at
      }
    }
  }
`);

/** The roles of the active goals, once each, in goal order (at most n). */
export function goalRoles(
  goals: readonly { status: string; targetRole: { id: string; title: string } }[],
  n = 3,
): { id: string; title: string }[] {
  const seen = new Set<string>();
  const out: { id: string; title: string }[] = [];
  for (const g of goals) {
    if (g.status !== 'ACTIVE' || seen.has(g.targetRole.id)) continue;
    seen.add(g.targetRole.id);
    out.push(g.targetRole);
  }
  return out.slice(0, n);
}

export interface ReadinessPoint {
  readinessPercent: number;
  at: string;
}

/** Chart points, oldest first, with the time as a number for a time axis. */
export function readinessSeries(points: readonly ReadinessPoint[]): { at: number; percent: number }[] {
  return points
    .map((p) => ({ at: new Date(p.at).getTime(), percent: p.readinessPercent }))
    .filter((p) => Number.isFinite(p.at))
    .sort((a, b) => a.at - b.at);
}

/** How readiness moved from the first recorded point to the latest, in words. */
export function readinessChange(points: readonly ReadinessPoint[]): string {
  const s = readinessSeries(points);
  if (s.length === 0) return 'Nothing recorded yet.';
  const last = s[s.length - 1]!.percent;
  if (s.length === 1) return `${last}% now; this is the first point recorded.`;
  const d = last - s[0]!.percent;
  const moved = d === 0 ? 'no change' : `${d > 0 ? 'up' : 'down'} ${Math.abs(d)} points`;
  return `${last}% now, ${moved} since the first of ${s.length} points.`;
}

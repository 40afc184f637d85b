import { graphql } from '@/gql';

export const PlannerRolesQuery = graphql(`
  query PlannerRoles($category: RoleCategory) {
    roles(category: $category) {
      id
      title
      category
      seniority
    }
  }
`);

export const CareerPathQuery = graphql(`
  query CareerPath($from: ID!, $to: ID!) {
    careerPath(from: $from, to: $to) {
      totalLevelsToGain
      from {
        id
        title
      }
      to {
        id
        title
      }
      steps {
        from {
          id
          title
        }
        to {
          id
          title
        }
        skillsToGain {
          name
          fromLevel
          toLevel
        }
      }
    }
  }
`);

export const SkillGapQuery = graphql(`
  query PlannerSkillGap($role: ID!) {
    me {
      id
      skillGap(targetRole: $role) {
        readinessPercent
        targetRole {
          id
          title
        }
        matched {
          name
          level
          requiredLevel
        }
        missing {
          name
          level
          requiredLevel
        }
        underLevel {
          name
          level
          requiredLevel
        }
      }
    }
  }
`);

// The user's goals, to open an existing goal for a role instead of creating another.
export const PlannerGoalsQuery = graphql(`
  query PlannerGoals {
    me {
      id
      goals {
        id
        status
        targetRole {
          id
        }
      }
    }
  }
`);

export interface GoalForRole {
  id: string;
  status: string;
  targetRole: { id: string };
}

/**
 * The open (active or paused) goal for a role, if any: the same rule the API's createGoal applies,
 * so the page offers "Open my goal" exactly when creating would return the existing goal.
 */
export function openGoalFor<G extends GoalForRole>(goals: readonly G[], roleId: string): G | undefined {
  return goals.find((g) => g.targetRole.id === roleId && (g.status === 'ACTIVE' || g.status === 'PAUSED'));
}

/** Where one goal is shown: its card on the goals page. */
export const goalHref = (id: string) => `/goals#goal-${id}`;

// The Goals feature owns goal pages; the planner creates a goal through the API itself.
export const PlannerCreateGoalMutation = graphql(`
  mutation PlannerCreateGoal($input: CreateGoalInput!) {
    createGoal(input: $input) {
      id
      title
    }
  }
`);

export const roleCategories = [
  'SOFTWARE',
  'DATA',
  'PRODUCT',
  'DESIGN',
  'CLOUD',
  'SECURITY',
  'MANAGEMENT',
  'MARKETING',
  'SALES',
  'FINANCE',
  'HR',
  'EDUCATION',
  'HEALTHCARE',
] as const;
export type RoleCategory = (typeof roleCategories)[number];

const categoryWords: Partial<Record<RoleCategory, string>> = { HR: 'HR' };
/** SOFTWARE → Software; HR stays HR. */
export function categoryLabel(c: RoleCategory): string {
  return categoryWords[c] ?? c.charAt(0) + c.slice(1).toLowerCase();
}

export interface GapItem {
  name: string;
  level: number;
  requiredLevel: number;
}
export interface GapRow extends GapItem {
  status: 'matched' | 'under' | 'missing';
}

/**
 * Every required skill of a gap in one list for the chart and its table:
 * missing first, then under level (largest shortfall first), then matched.
 */
export function gapRows(gap: { matched: GapItem[]; missing: GapItem[]; underLevel: GapItem[] }): GapRow[] {
  const short = (r: GapItem) => r.requiredLevel - r.level;
  return [
    ...gap.missing.map((r) => ({ ...r, level: 0, status: 'missing' as const })),
    ...[...gap.underLevel]
      .sort((a, b) => short(b) - short(a))
      .map((r) => ({ ...r, status: 'under' as const })),
    ...gap.matched.map((r) => ({ ...r, status: 'matched' as const })),
  ];
}

export function gapStatusLabel(s: GapRow['status']): string {
  return s === 'matched' ? 'matched' : s === 'under' ? 'below the required level' : 'missing';
}

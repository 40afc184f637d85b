import { graphql } from '@/gql';

// Roles by title or alternate title, for the role search boxes.
export const PlannerSearchRolesQuery = graphql(`
  query PlannerSearchRoles($query: String!) {
    searchRoles(query: $query, first: 12) {
      totalCount
      hits {
        matchedTitle
        role {
          id
          title
        }
      }
    }
  }
`);

// The categories to browse, and the roles of the one chosen.
export const PlannerCategoriesQuery = graphql(`
  query PlannerCategories {
    roleCategories {
      category
      title
      roleCount
    }
  }
`);

export const PlannerCategoryRolesQuery = graphql(`
  query PlannerCategoryRoles($category: RoleCategory!) {
    roles(category: $category, first: 200) {
      id
      title
    }
  }
`);

// One chosen role: its title, preparation and required skills with their sources.
export const PlannerRoleQuery = graphql(`
  query PlannerRole($id: ID!) {
    role(id: $id) {
      id
      title
      isOccupation
      preparation
      requiredSkills {
        name
        level
        source
        basis
      }
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

/** Where a required skill comes from, in words. */
export function skillSourceLabel(source: string): string {
  switch (source) {
    case 'ONET_SKILL':
      return 'O*NET skill rating';
    case 'ONET_KNOWLEDGE':
      return 'O*NET knowledge rating';
    case 'ONET_TECHNOLOGY':
      return 'O*NET hot technology';
    case 'RELATED_OCCUPATIONS':
      return 'ratings of related occupations';
    default:
      return 'Career Coach role';
  }
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

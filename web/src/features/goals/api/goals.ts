import { graphql } from '@/gql';

export const GoalsQuery = graphql(`
  query Goals {
    me {
      id
      goals {
        id
        title
        description
        status
        targetDate
        progressPercent
        targetRole {
          id
          title
        }
        milestones {
          id
          title
          dueDate
          achieved
          achievedAt
          overdue
          position
        }
        learningPath {
          steps {
            position
            skill
            currentLevel
            targetLevel
          }
        }
      }
    }
  }
`);

export const RolesQuery = graphql(`
  query GoalRoles {
    roles {
      id
      title
      category
      seniority
    }
  }
`);

export const CreateGoalMutation = graphql(`
  mutation CreateGoal($input: CreateGoalInput!) {
    createGoal(input: $input) {
      id
      title
    }
  }
`);

export const DeleteGoalMutation = graphql(`
  mutation DeleteGoal($id: ID!) {
    deleteGoal(id: $id)
  }
`);

export const CreateMilestoneMutation = graphql(`
  mutation CreateMilestone($input: MilestoneInput!) {
    createMilestone(input: $input) {
      id
      title
    }
  }
`);

export const AchieveMilestoneMutation = graphql(`
  mutation AchieveMilestone($id: ID!, $achieved: Boolean!) {
    achieveMilestone(id: $id, achieved: $achieved) {
      id
      achieved
      achievedAt
      overdue
    }
  }
`);

/** A date input's YYYY-MM-DD as the API's DateTime (midnight UTC), or null. */
export function dateToDateTime(d: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d}T00:00:00Z` : null;
}

export function checkGoalTitle(t: string): string | null {
  const n = [...t.trim()].length;
  if (n === 0) return 'Give the goal a title.';
  if (n > 120) return 'Use at most 120 characters.';
  return null;
}

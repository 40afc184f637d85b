import { graphql } from '@/gql';

// Roles by title or alternate title, for the role search box.
export const MarketSearchRolesQuery = graphql(`
  query MarketSearchRoles($query: String!) {
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
export const MarketCategoriesQuery = graphql(`
  query MarketCategories {
    roleCategories {
      category
      title
      roleCount
    }
  }
`);

export const MarketCategoryRolesQuery = graphql(`
  query MarketCategoryRoles($category: RoleCategory!) {
    roles(category: $category, first: 200) {
      id
      title
    }
  }
`);

// The user's goals: the page opens on the active goal's role when the URL names none.
export const MarketGoalsQuery = graphql(`
  query MarketGoals {
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

/** The role of the user's active goal (the first, as the API lists them), if any. */
export function goalRoleId(goals: readonly { status: string; targetRole: { id: string } }[]): string {
  return goals.find((g) => g.status === 'ACTIVE')?.targetRole.id ?? '';
}

export const MarketInsightsQuery = graphql(`
  query MarketInsights($roleId: ID!) {
    marketInsights(roleId: $roleId) {
      socCode
      occupationTitle
      projectionGroup
      role {
        id
        title
      }
      medianPay {
        ...Figure
      }
      pay10thPercentile {
        ...Figure
      }
      pay25thPercentile {
        ...Figure
      }
      pay75thPercentile {
        ...Figure
      }
      pay90thPercentile {
        ...Figure
      }
      employment {
        ...Figure
      }
      projectedGrowthPercent {
        ...Figure
      }
      annualOpenings {
        ...Figure
      }
      typicalEducation {
        value
        source {
          name
          year
          url
          file
          date
        }
      }
      unavailable {
        field
        reason
      }
      topSkills {
        name
        level
        source
      }
      topSkillsSource {
        name
        year
        url
      }
      hotTechnologies
      hotTechnologiesSource {
        name
        year
        url
      }
      relatedRoles {
        id
        title
      }
    }
  }
  fragment Figure on MarketFigure {
    value
    unit
    atLeast
    source {
      name
      year
      url
      file
      date
    }
  }
`);

export interface Figure {
  value: number;
  unit: string;
  atLeast: boolean;
}

/** A pay figure in words: "$132,270", or "$239,200 or more" when top-coded. */
export function formatMoney(f: Figure): string {
  const v = `$${Math.round(f.value).toLocaleString('en-US')}`;
  return f.atLeast ? `${v} or more` : v;
}

/** Projected growth with its sign: "+17%", "-3%", "0%". */
export function formatGrowth(f: Figure): string {
  const v = Math.round(f.value * 10) / 10;
  return `${v > 0 ? '+' : ''}${v}%`;
}

/** How growth compares, in the words BLS uses for its outlook bands. */
export function describeGrowth(percent: number): string {
  if (percent >= 8) return 'much faster than average';
  if (percent >= 5) return 'faster than average';
  if (percent >= 2) return 'about as fast as average';
  if (percent > -2) return 'little or no change';
  return 'declining';
}

export function formatCount(f: Figure): string {
  return Math.round(f.value).toLocaleString('en-US');
}

/** The page's words for the reason a figure is missing, or undefined when it is published. */
export function unavailableReason(
  unavailable: readonly { field: string; reason: string }[],
  field: string,
): string | undefined {
  return unavailable.find((u) => u.field === field)?.reason;
}

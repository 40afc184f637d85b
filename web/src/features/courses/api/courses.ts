import { graphql } from '@/gql';

export const CourseBits = graphql(`
  fragment CourseBits on Course {
    id
    title
    provider
    url
    description
    durationHours
    free
    level
    rating
    skills
    source {
      name
      license
      licenseUrl
      url
    }
    myEnrollment {
      id
      status
      percent
    }
  }
`);

export const MyCoursesQuery = graphql(`
  query MyCourses {
    me {
      id
      recommendedCourses(first: 10) {
        score
        reason
        matchedSkills
        course {
          ...CourseBits
        }
      }
      enrollments {
        id
        status
        percent
        hoursLearned
        course {
          ...CourseBits
        }
      }
    }
  }
`);

export const CatalogueQuery = graphql(`
  query Catalogue($search: String, $level: CourseLevel, $free: Boolean, $after: String) {
    courses(search: $search, level: $level, free: $free, first: 10, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ...CourseBits
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const EnrollMutation = graphql(`
  mutation Enroll($courseId: ID!) {
    enroll(courseId: $courseId) {
      id
      status
      percent
      course {
        id
        myEnrollment {
          id
          status
          percent
        }
      }
    }
  }
`);

export const CompleteCourseMutation = graphql(`
  mutation CompleteCourse($courseId: ID!) {
    completeCourse(courseId: $courseId) {
      id
      status
      percent
      hoursLearned
      course {
        id
        myEnrollment {
          id
          status
          percent
        }
      }
    }
  }
`);

export const UpdateCourseProgressMutation = graphql(`
  mutation UpdateCourseProgress($courseId: ID!, $percent: Int!, $hoursSpent: Float) {
    updateCourseProgress(courseId: $courseId, percent: $percent, hoursSpent: $hoursSpent) {
      id
      status
      percent
      hoursLearned
      course {
        id
        myEnrollment {
          id
          status
          percent
        }
      }
    }
  }
`);

/** The server's bound on the hours one progress report may log (subgraphs/progress MaxReportedHours). */
export const MAX_REPORTED_HOURS = 200;

/**
 * Checks a progress report: the new percent (never below the current one, at most 100) and the
 * optional hours spent since the last report. Returns the variables to send or what is wrong.
 */
export function progressReport(
  current: number,
  percentText: string,
  hoursText: string,
): { error: string } | { percent: number; hoursSpent: number | null } {
  const percent = Number(percentText);
  if (percentText.trim() === '' || !Number.isInteger(percent) || percent < 0 || percent > 100)
    return { error: 'Enter how far you are as a whole percent from 0 to 100.' };
  if (percent < current) return { error: `Progress only moves forward: you are at ${current}% already.` };
  let hoursSpent: number | null = null;
  if (hoursText.trim() !== '') {
    const h = Number(hoursText);
    if (!Number.isFinite(h) || h < 0 || h > MAX_REPORTED_HOURS)
      return { error: `Enter the hours as a number from 0 to ${MAX_REPORTED_HOURS}, or leave it empty.` };
    hoursSpent = h;
  }
  if (percent === current && !hoursSpent)
    return { error: 'Nothing to report: raise the percent or add hours.' };
  return { percent, hoursSpent };
}

const levels = ['BEGINNER', 'INTERMEDIATE', 'ADVANCED'] as const;
export type CatalogueLevel = (typeof levels)[number];

/** The catalogue's search as the URL holds it (?q=&level=&free=1&page=&after=). */
export interface CatalogueState {
  q: string;
  level: CatalogueLevel | '';
  free: boolean;
  /** 1-based page number shown to the reader; after is the cursor that opens it. */
  page: number;
  after: string;
}

/** Reads the catalogue's search from the URL, ignoring what is not valid there. */
export function readCatalogue(p: URLSearchParams): CatalogueState {
  const level = p.get('level') ?? '';
  const page = Number(p.get('page'));
  const after = (p.get('after') ?? '').slice(0, 200);
  const validPage = Number.isInteger(page) && page > 1 && page <= 1000 && after !== '';
  return {
    q: (p.get('q') ?? '').slice(0, 200),
    level: (levels as readonly string[]).includes(level) ? (level as CatalogueLevel) : '',
    free: p.get('free') === '1',
    page: validPage ? page : 1,
    after: validPage ? after : '',
  };
}

/** Writes the catalogue's search into params (other parameters are kept). */
export function writeCatalogue(p: URLSearchParams, s: CatalogueState): URLSearchParams {
  const next = new URLSearchParams(p);
  const set = (k: string, v: string) => (v ? next.set(k, v) : next.delete(k));
  set('q', s.q.trim());
  set('level', s.level);
  set('free', s.free ? '1' : '');
  set('page', s.page > 1 && s.after ? String(s.page) : '');
  set('after', s.page > 1 ? s.after : '');
  return next;
}

/** The catalogue query's variables for a search. */
export function catalogueVariables(s: CatalogueState) {
  return {
    search: s.q.trim() || undefined,
    level: s.level || undefined,
    free: s.free || undefined,
    after: s.after || undefined,
  };
}

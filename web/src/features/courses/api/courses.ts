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

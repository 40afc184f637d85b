import type { Capability } from './capabilities';

// The API fields each part of the app needs, per the services' contract.
// A page or section shows "not available yet" while its fields are absent
// from schema/api.graphql, and is built against them once they land.
export const capabilities = {
  profile: { service: 'users', fields: ['Query.me', 'Mutation.updateProfile', 'Mutation.deleteAccount'] },
  cv: { service: 'CV', fields: ['User.cvs', 'User.latestCV', 'Subscription.cvAnalysisProgress'] },
  skills: { service: 'CV', fields: ['User.skills'] },
  progress: { service: 'progress', fields: ['User.progress', 'User.activity'] },
  enrollments: { service: 'progress', fields: ['User.enrollments', 'Course.myEnrollment'] },
  assessments: { service: 'progress', fields: ['User.assessments'] },
  milestones: { service: 'progress', fields: ['CareerGoal.milestones', 'CareerGoal.progressPercent'] },
  courses: { service: 'courses', fields: ['Course.title', 'User.recommendedCourses'] },
  goals: { service: 'planning', fields: ['User.goals'] },
  planner: { service: 'planning', fields: ['User.skillGap', 'Query.roles', 'Query.careerPath'] },
  market: { service: 'planning', fields: ['Query.marketInsights'] },
  interview: { service: 'planning', fields: ['Query.interviewQuestions'] },
} as const satisfies Record<string, Capability>;

/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Assessments {\n    skillLevels {\n      level\n      name\n      description\n    }\n    quizSkills\n    me {\n      id\n      skills {\n        name\n        level\n      }\n      progress {\n        skillLevels {\n          skill\n          current\n          points {\n            level\n            source\n            at\n          }\n        }\n      }\n    }\n  }\n": typeof types.AssessmentsDocument,
    "\n  mutation AssessSkill($skill: String!, $level: Int!, $note: String) {\n    assessSkill(skill: $skill, level: $level, note: $note) {\n      id\n      skill\n      level\n      source\n      takenAt\n    }\n  }\n": typeof types.AssessSkillDocument,
    "\n  mutation StartQuiz($skill: String!) {\n    startQuiz(skill: $skill) {\n      id\n      skill\n      expiresAt\n      questions {\n        id\n        prompt\n        choices\n        difficulty\n      }\n    }\n  }\n": typeof types.StartQuizDocument,
    "\n  mutation SubmitQuiz($input: SkillQuizSubmission!) {\n    submitQuiz(input: $input) {\n      correct\n      total\n      assessment {\n        id\n        skill\n        level\n        score\n        source\n        takenAt\n      }\n      questions {\n        questionId\n        correct\n        correctChoice\n        explanation\n      }\n    }\n  }\n": typeof types.SubmitQuizDocument,
    "\n  query AssessmentHistory($skill: String!) {\n    me {\n      id\n      assessments(skill: $skill) {\n        id\n        skill\n        level\n        source\n        score\n        note\n        takenAt\n      }\n    }\n  }\n": typeof types.AssessmentHistoryDocument,
    "\n  query EmailVerified {\n    me {\n      id\n      emailVerified\n    }\n  }\n": typeof types.EmailVerifiedDocument,
    "\n  fragment CourseBits on Course {\n    id\n    title\n    provider\n    url\n    description\n    durationHours\n    free\n    level\n    rating\n    skills\n    myEnrollment {\n      id\n      status\n      percent\n    }\n  }\n": typeof types.CourseBitsFragmentDoc,
    "\n  query MyCourses {\n    me {\n      id\n      recommendedCourses(first: 10) {\n        score\n        reason\n        matchedSkills\n        course {\n          ...CourseBits\n        }\n      }\n      enrollments {\n        id\n        status\n        percent\n        course {\n          ...CourseBits\n        }\n      }\n    }\n  }\n": typeof types.MyCoursesDocument,
    "\n  query Catalogue($search: String, $level: CourseLevel, $free: Boolean, $after: String) {\n    courses(search: $search, level: $level, free: $free, first: 10, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...CourseBits\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.CatalogueDocument,
    "\n  mutation Enroll($courseId: ID!) {\n    enroll(courseId: $courseId) {\n      id\n      status\n      percent\n      course {\n        id\n        myEnrollment {\n          id\n          status\n          percent\n        }\n      }\n    }\n  }\n": typeof types.EnrollDocument,
    "\n  mutation CompleteCourse($courseId: ID!) {\n    completeCourse(courseId: $courseId) {\n      id\n      status\n      percent\n      course {\n        id\n        myEnrollment {\n          id\n          status\n          percent\n        }\n      }\n    }\n  }\n": typeof types.CompleteCourseDocument,
    "\n  query MyCVs {\n    me {\n      id\n      cvs {\n        id\n        fileName\n        uploadedAt\n        status\n        analysis {\n          score\n        }\n      }\n    }\n  }\n": typeof types.MyCVsDocument,
    "\n  query CVDetail($id: ID!) {\n    cv(id: $id) {\n      id\n      fileName\n      sizeBytes\n      fileType\n      uploadedAt\n      status\n      pages\n      failure {\n        code\n        message\n        retryable\n      }\n      analysis {\n        score\n        scoreReasons {\n          aspect\n          points\n          maxPoints\n          comment\n        }\n        strengths\n        weaknesses\n        suggestions\n        seniority\n        suggestedRoles {\n          title\n          reason\n        }\n        skills {\n          name\n          category\n          level\n          years\n          evidence {\n            snippet\n            where\n          }\n        }\n        confidence\n        unreadParts {\n          part\n          reason\n        }\n        engine\n        analysedAt\n      }\n    }\n  }\n": typeof types.CvDetailDocument,
    "\n  mutation UploadCV($file: Upload!) {\n    uploadCV(file: $file) {\n      id\n      fileName\n      status\n    }\n  }\n": typeof types.UploadCvDocument,
    "\n  mutation ReanalyzeCV($id: ID!) {\n    reanalyzeCV(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.ReanalyzeCvDocument,
    "\n  mutation DeleteCV($id: ID!) {\n    deleteCV(id: $id)\n  }\n": typeof types.DeleteCvDocument,
    "\n  subscription CVProgress($cvId: ID!) {\n    cvAnalysisProgress(cvId: $cvId) {\n      cvId\n      stage\n      percent\n      message\n      error\n    }\n  }\n": typeof types.CvProgressDocument,
    "\n  query Dashboard {\n    me {\n      id\n      displayName\n      headline\n      location\n      avatarUrl\n      progress {\n        coursesInProgress\n        coursesCompleted\n        hoursLearned\n        hoursThisWeek\n        milestonesAchieved\n        milestonesTotal\n        currentStreak\n        longestStreak\n        weeklyActivity {\n          weekStart\n          activeDays\n          activities\n          hours\n        }\n      }\n      cvs {\n        id\n        fileName\n        status\n        failure {\n          message\n        }\n        analysis {\n          score\n          seniority\n        }\n      }\n      goals {\n        id\n        title\n        status\n        milestones {\n          id\n          title\n          dueDate\n          achieved\n          overdue\n        }\n      }\n      recommendedCourses(first: 3) {\n        score\n        reason\n        course {\n          id\n          title\n          provider\n          url\n          durationHours\n          free\n        }\n      }\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  query Goals {\n    me {\n      id\n      goals {\n        id\n        title\n        description\n        status\n        targetDate\n        progressPercent\n        targetRole {\n          id\n          title\n        }\n        milestones {\n          id\n          title\n          dueDate\n          achieved\n          achievedAt\n          overdue\n          position\n        }\n        learningPath {\n          steps {\n            position\n            skill\n            currentLevel\n            targetLevel\n          }\n        }\n      }\n    }\n  }\n": typeof types.GoalsDocument,
    "\n  query GoalRoles {\n    roles {\n      id\n      title\n      category\n      seniority\n    }\n  }\n": typeof types.GoalRolesDocument,
    "\n  mutation CreateGoal($input: CreateGoalInput!) {\n    createGoal(input: $input) {\n      id\n      title\n    }\n  }\n": typeof types.CreateGoalDocument,
    "\n  mutation DeleteGoal($id: ID!) {\n    deleteGoal(id: $id)\n  }\n": typeof types.DeleteGoalDocument,
    "\n  mutation CreateMilestone($input: MilestoneInput!) {\n    createMilestone(input: $input) {\n      id\n      title\n    }\n  }\n": typeof types.CreateMilestoneDocument,
    "\n  mutation AchieveMilestone($id: ID!, $achieved: Boolean!) {\n    achieveMilestone(id: $id, achieved: $achieved) {\n      id\n      achieved\n      achievedAt\n      overdue\n    }\n  }\n": typeof types.AchieveMilestoneDocument,
    "\n  mutation UpdateMilestone($id: ID!, $input: MilestoneUpdateInput!) {\n    updateMilestone(id: $id, input: $input) {\n      id\n      title\n      dueDate\n      overdue\n    }\n  }\n": typeof types.UpdateMilestoneDocument,
    "\n  mutation DeleteMilestone($id: ID!) {\n    deleteMilestone(id: $id)\n  }\n": typeof types.DeleteMilestoneDocument,
    "\n  query InterviewRoles {\n    roles {\n      id\n      title\n    }\n  }\n": typeof types.InterviewRolesDocument,
    "\n  query InterviewQuestions($roleId: ID, $skill: String, $difficulty: InterviewDifficulty) {\n    interviewQuestions(roleId: $roleId, skill: $skill, difficulty: $difficulty, first: 5) {\n      id\n      kind\n      difficulty\n      skill\n      text\n    }\n  }\n": typeof types.InterviewQuestionsDocument,
    "\n  mutation SubmitInterviewAnswer($questionId: ID!, $answer: String!) {\n    submitInterviewAnswer(questionId: $questionId, answer: $answer) {\n      id\n      answer\n      createdAt\n      feedback {\n        overall\n        reviewer\n        suggestions\n        star {\n          score\n          reasons\n        }\n        specificity {\n          score\n          reasons\n        }\n        relevance {\n          score\n          reasons\n        }\n      }\n    }\n  }\n": typeof types.SubmitInterviewAnswerDocument,
    "\n  query MarketRoles {\n    roles {\n      id\n      title\n      category\n    }\n  }\n": typeof types.MarketRolesDocument,
    "\n  query MarketGoals {\n    me {\n      id\n      goals {\n        id\n        status\n        targetRole {\n          id\n        }\n      }\n    }\n  }\n": typeof types.MarketGoalsDocument,
    "\n  query MarketInsights($roleId: ID!) {\n    marketInsights(roleId: $roleId) {\n      socCode\n      occupationTitle\n      projectionGroup\n      role {\n        id\n        title\n      }\n      medianPay {\n        ...Figure\n      }\n      pay10thPercentile {\n        ...Figure\n      }\n      pay90thPercentile {\n        ...Figure\n      }\n      projectedGrowthPercent {\n        ...Figure\n      }\n      annualOpenings {\n        ...Figure\n      }\n      typicalEducation {\n        value\n        source {\n          name\n          year\n          url\n        }\n      }\n      topSkills {\n        name\n        level\n      }\n      topSkillsSource {\n        name\n        year\n        url\n      }\n      hotTechnologies\n      hotTechnologiesSource {\n        name\n        year\n        url\n      }\n      relatedRoles {\n        id\n        title\n      }\n    }\n  }\n  fragment Figure on MarketFigure {\n    value\n    unit\n    atLeast\n    source {\n      name\n      year\n      url\n    }\n  }\n": typeof types.MarketInsightsDocument,
    "\n  query PlannerRoles($category: RoleCategory) {\n    roles(category: $category) {\n      id\n      title\n      category\n      seniority\n    }\n  }\n": typeof types.PlannerRolesDocument,
    "\n  query CareerPath($from: ID!, $to: ID!) {\n    careerPath(from: $from, to: $to) {\n      totalLevelsToGain\n      from {\n        id\n        title\n      }\n      to {\n        id\n        title\n      }\n      steps {\n        from {\n          id\n          title\n        }\n        to {\n          id\n          title\n        }\n        skillsToGain {\n          name\n          fromLevel\n          toLevel\n        }\n      }\n    }\n  }\n": typeof types.CareerPathDocument,
    "\n  query PlannerSkillGap($role: ID!) {\n    me {\n      id\n      skillGap(targetRole: $role) {\n        readinessPercent\n        targetRole {\n          id\n          title\n        }\n        matched {\n          name\n          level\n          requiredLevel\n        }\n        missing {\n          name\n          level\n          requiredLevel\n        }\n        underLevel {\n          name\n          level\n          requiredLevel\n        }\n      }\n    }\n  }\n": typeof types.PlannerSkillGapDocument,
    "\n  query PlannerGoals {\n    me {\n      id\n      goals {\n        id\n        status\n        targetRole {\n          id\n        }\n      }\n    }\n  }\n": typeof types.PlannerGoalsDocument,
    "\n  mutation PlannerCreateGoal($input: CreateGoalInput!) {\n    createGoal(input: $input) {\n      id\n      title\n    }\n  }\n": typeof types.PlannerCreateGoalDocument,
    "\n  query Profile {\n    me {\n      id\n      email\n      displayName\n      avatarUrl\n      headline\n      location\n      createdAt\n      identities {\n        provider\n        email\n        linkedAt\n      }\n    }\n  }\n": typeof types.ProfileDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      displayName\n      avatarUrl\n      headline\n      location\n    }\n  }\n": typeof types.UpdateProfileDocument,
    "\n  mutation DeleteAccount {\n    deleteAccount\n  }\n": typeof types.DeleteAccountDocument,
};
const documents: Documents = {
    "\n  query Assessments {\n    skillLevels {\n      level\n      name\n      description\n    }\n    quizSkills\n    me {\n      id\n      skills {\n        name\n        level\n      }\n      progress {\n        skillLevels {\n          skill\n          current\n          points {\n            level\n            source\n            at\n          }\n        }\n      }\n    }\n  }\n": types.AssessmentsDocument,
    "\n  mutation AssessSkill($skill: String!, $level: Int!, $note: String) {\n    assessSkill(skill: $skill, level: $level, note: $note) {\n      id\n      skill\n      level\n      source\n      takenAt\n    }\n  }\n": types.AssessSkillDocument,
    "\n  mutation StartQuiz($skill: String!) {\n    startQuiz(skill: $skill) {\n      id\n      skill\n      expiresAt\n      questions {\n        id\n        prompt\n        choices\n        difficulty\n      }\n    }\n  }\n": types.StartQuizDocument,
    "\n  mutation SubmitQuiz($input: SkillQuizSubmission!) {\n    submitQuiz(input: $input) {\n      correct\n      total\n      assessment {\n        id\n        skill\n        level\n        score\n        source\n        takenAt\n      }\n      questions {\n        questionId\n        correct\n        correctChoice\n        explanation\n      }\n    }\n  }\n": types.SubmitQuizDocument,
    "\n  query AssessmentHistory($skill: String!) {\n    me {\n      id\n      assessments(skill: $skill) {\n        id\n        skill\n        level\n        source\n        score\n        note\n        takenAt\n      }\n    }\n  }\n": types.AssessmentHistoryDocument,
    "\n  query EmailVerified {\n    me {\n      id\n      emailVerified\n    }\n  }\n": types.EmailVerifiedDocument,
    "\n  fragment CourseBits on Course {\n    id\n    title\n    provider\n    url\n    description\n    durationHours\n    free\n    level\n    rating\n    skills\n    myEnrollment {\n      id\n      status\n      percent\n    }\n  }\n": types.CourseBitsFragmentDoc,
    "\n  query MyCourses {\n    me {\n      id\n      recommendedCourses(first: 10) {\n        score\n        reason\n        matchedSkills\n        course {\n          ...CourseBits\n        }\n      }\n      enrollments {\n        id\n        status\n        percent\n        course {\n          ...CourseBits\n        }\n      }\n    }\n  }\n": types.MyCoursesDocument,
    "\n  query Catalogue($search: String, $level: CourseLevel, $free: Boolean, $after: String) {\n    courses(search: $search, level: $level, free: $free, first: 10, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...CourseBits\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.CatalogueDocument,
    "\n  mutation Enroll($courseId: ID!) {\n    enroll(courseId: $courseId) {\n      id\n      status\n      percent\n      course {\n        id\n        myEnrollment {\n          id\n          status\n          percent\n        }\n      }\n    }\n  }\n": types.EnrollDocument,
    "\n  mutation CompleteCourse($courseId: ID!) {\n    completeCourse(courseId: $courseId) {\n      id\n      status\n      percent\n      course {\n        id\n        myEnrollment {\n          id\n          status\n          percent\n        }\n      }\n    }\n  }\n": types.CompleteCourseDocument,
    "\n  query MyCVs {\n    me {\n      id\n      cvs {\n        id\n        fileName\n        uploadedAt\n        status\n        analysis {\n          score\n        }\n      }\n    }\n  }\n": types.MyCVsDocument,
    "\n  query CVDetail($id: ID!) {\n    cv(id: $id) {\n      id\n      fileName\n      sizeBytes\n      fileType\n      uploadedAt\n      status\n      pages\n      failure {\n        code\n        message\n        retryable\n      }\n      analysis {\n        score\n        scoreReasons {\n          aspect\n          points\n          maxPoints\n          comment\n        }\n        strengths\n        weaknesses\n        suggestions\n        seniority\n        suggestedRoles {\n          title\n          reason\n        }\n        skills {\n          name\n          category\n          level\n          years\n          evidence {\n            snippet\n            where\n          }\n        }\n        confidence\n        unreadParts {\n          part\n          reason\n        }\n        engine\n        analysedAt\n      }\n    }\n  }\n": types.CvDetailDocument,
    "\n  mutation UploadCV($file: Upload!) {\n    uploadCV(file: $file) {\n      id\n      fileName\n      status\n    }\n  }\n": types.UploadCvDocument,
    "\n  mutation ReanalyzeCV($id: ID!) {\n    reanalyzeCV(id: $id) {\n      id\n      status\n    }\n  }\n": types.ReanalyzeCvDocument,
    "\n  mutation DeleteCV($id: ID!) {\n    deleteCV(id: $id)\n  }\n": types.DeleteCvDocument,
    "\n  subscription CVProgress($cvId: ID!) {\n    cvAnalysisProgress(cvId: $cvId) {\n      cvId\n      stage\n      percent\n      message\n      error\n    }\n  }\n": types.CvProgressDocument,
    "\n  query Dashboard {\n    me {\n      id\n      displayName\n      headline\n      location\n      avatarUrl\n      progress {\n        coursesInProgress\n        coursesCompleted\n        hoursLearned\n        hoursThisWeek\n        milestonesAchieved\n        milestonesTotal\n        currentStreak\n        longestStreak\n        weeklyActivity {\n          weekStart\n          activeDays\n          activities\n          hours\n        }\n      }\n      cvs {\n        id\n        fileName\n        status\n        failure {\n          message\n        }\n        analysis {\n          score\n          seniority\n        }\n      }\n      goals {\n        id\n        title\n        status\n        milestones {\n          id\n          title\n          dueDate\n          achieved\n          overdue\n        }\n      }\n      recommendedCourses(first: 3) {\n        score\n        reason\n        course {\n          id\n          title\n          provider\n          url\n          durationHours\n          free\n        }\n      }\n    }\n  }\n": types.DashboardDocument,
    "\n  query Goals {\n    me {\n      id\n      goals {\n        id\n        title\n        description\n        status\n        targetDate\n        progressPercent\n        targetRole {\n          id\n          title\n        }\n        milestones {\n          id\n          title\n          dueDate\n          achieved\n          achievedAt\n          overdue\n          position\n        }\n        learningPath {\n          steps {\n            position\n            skill\n            currentLevel\n            targetLevel\n          }\n        }\n      }\n    }\n  }\n": types.GoalsDocument,
    "\n  query GoalRoles {\n    roles {\n      id\n      title\n      category\n      seniority\n    }\n  }\n": types.GoalRolesDocument,
    "\n  mutation CreateGoal($input: CreateGoalInput!) {\n    createGoal(input: $input) {\n      id\n      title\n    }\n  }\n": types.CreateGoalDocument,
    "\n  mutation DeleteGoal($id: ID!) {\n    deleteGoal(id: $id)\n  }\n": types.DeleteGoalDocument,
    "\n  mutation CreateMilestone($input: MilestoneInput!) {\n    createMilestone(input: $input) {\n      id\n      title\n    }\n  }\n": types.CreateMilestoneDocument,
    "\n  mutation AchieveMilestone($id: ID!, $achieved: Boolean!) {\n    achieveMilestone(id: $id, achieved: $achieved) {\n      id\n      achieved\n      achievedAt\n      overdue\n    }\n  }\n": types.AchieveMilestoneDocument,
    "\n  mutation UpdateMilestone($id: ID!, $input: MilestoneUpdateInput!) {\n    updateMilestone(id: $id, input: $input) {\n      id\n      title\n      dueDate\n      overdue\n    }\n  }\n": types.UpdateMilestoneDocument,
    "\n  mutation DeleteMilestone($id: ID!) {\n    deleteMilestone(id: $id)\n  }\n": types.DeleteMilestoneDocument,
    "\n  query InterviewRoles {\n    roles {\n      id\n      title\n    }\n  }\n": types.InterviewRolesDocument,
    "\n  query InterviewQuestions($roleId: ID, $skill: String, $difficulty: InterviewDifficulty) {\n    interviewQuestions(roleId: $roleId, skill: $skill, difficulty: $difficulty, first: 5) {\n      id\n      kind\n      difficulty\n      skill\n      text\n    }\n  }\n": types.InterviewQuestionsDocument,
    "\n  mutation SubmitInterviewAnswer($questionId: ID!, $answer: String!) {\n    submitInterviewAnswer(questionId: $questionId, answer: $answer) {\n      id\n      answer\n      createdAt\n      feedback {\n        overall\n        reviewer\n        suggestions\n        star {\n          score\n          reasons\n        }\n        specificity {\n          score\n          reasons\n        }\n        relevance {\n          score\n          reasons\n        }\n      }\n    }\n  }\n": types.SubmitInterviewAnswerDocument,
    "\n  query MarketRoles {\n    roles {\n      id\n      title\n      category\n    }\n  }\n": types.MarketRolesDocument,
    "\n  query MarketGoals {\n    me {\n      id\n      goals {\n        id\n        status\n        targetRole {\n          id\n        }\n      }\n    }\n  }\n": types.MarketGoalsDocument,
    "\n  query MarketInsights($roleId: ID!) {\n    marketInsights(roleId: $roleId) {\n      socCode\n      occupationTitle\n      projectionGroup\n      role {\n        id\n        title\n      }\n      medianPay {\n        ...Figure\n      }\n      pay10thPercentile {\n        ...Figure\n      }\n      pay90thPercentile {\n        ...Figure\n      }\n      projectedGrowthPercent {\n        ...Figure\n      }\n      annualOpenings {\n        ...Figure\n      }\n      typicalEducation {\n        value\n        source {\n          name\n          year\n          url\n        }\n      }\n      topSkills {\n        name\n        level\n      }\n      topSkillsSource {\n        name\n        year\n        url\n      }\n      hotTechnologies\n      hotTechnologiesSource {\n        name\n        year\n        url\n      }\n      relatedRoles {\n        id\n        title\n      }\n    }\n  }\n  fragment Figure on MarketFigure {\n    value\n    unit\n    atLeast\n    source {\n      name\n      year\n      url\n    }\n  }\n": types.MarketInsightsDocument,
    "\n  query PlannerRoles($category: RoleCategory) {\n    roles(category: $category) {\n      id\n      title\n      category\n      seniority\n    }\n  }\n": types.PlannerRolesDocument,
    "\n  query CareerPath($from: ID!, $to: ID!) {\n    careerPath(from: $from, to: $to) {\n      totalLevelsToGain\n      from {\n        id\n        title\n      }\n      to {\n        id\n        title\n      }\n      steps {\n        from {\n          id\n          title\n        }\n        to {\n          id\n          title\n        }\n        skillsToGain {\n          name\n          fromLevel\n          toLevel\n        }\n      }\n    }\n  }\n": types.CareerPathDocument,
    "\n  query PlannerSkillGap($role: ID!) {\n    me {\n      id\n      skillGap(targetRole: $role) {\n        readinessPercent\n        targetRole {\n          id\n          title\n        }\n        matched {\n          name\n          level\n          requiredLevel\n        }\n        missing {\n          name\n          level\n          requiredLevel\n        }\n        underLevel {\n          name\n          level\n          requiredLevel\n        }\n      }\n    }\n  }\n": types.PlannerSkillGapDocument,
    "\n  query PlannerGoals {\n    me {\n      id\n      goals {\n        id\n        status\n        targetRole {\n          id\n        }\n      }\n    }\n  }\n": types.PlannerGoalsDocument,
    "\n  mutation PlannerCreateGoal($input: CreateGoalInput!) {\n    createGoal(input: $input) {\n      id\n      title\n    }\n  }\n": types.PlannerCreateGoalDocument,
    "\n  query Profile {\n    me {\n      id\n      email\n      displayName\n      avatarUrl\n      headline\n      location\n      createdAt\n      identities {\n        provider\n        email\n        linkedAt\n      }\n    }\n  }\n": types.ProfileDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      displayName\n      avatarUrl\n      headline\n      location\n    }\n  }\n": types.UpdateProfileDocument,
    "\n  mutation DeleteAccount {\n    deleteAccount\n  }\n": types.DeleteAccountDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Assessments {\n    skillLevels {\n      level\n      name\n      description\n    }\n    quizSkills\n    me {\n      id\n      skills {\n        name\n        level\n      }\n      progress {\n        skillLevels {\n          skill\n          current\n          points {\n            level\n            source\n            at\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Assessments {\n    skillLevels {\n      level\n      name\n      description\n    }\n    quizSkills\n    me {\n      id\n      skills {\n        name\n        level\n      }\n      progress {\n        skillLevels {\n          skill\n          current\n          points {\n            level\n            source\n            at\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssessSkill($skill: String!, $level: Int!, $note: String) {\n    assessSkill(skill: $skill, level: $level, note: $note) {\n      id\n      skill\n      level\n      source\n      takenAt\n    }\n  }\n"): (typeof documents)["\n  mutation AssessSkill($skill: String!, $level: Int!, $note: String) {\n    assessSkill(skill: $skill, level: $level, note: $note) {\n      id\n      skill\n      level\n      source\n      takenAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartQuiz($skill: String!) {\n    startQuiz(skill: $skill) {\n      id\n      skill\n      expiresAt\n      questions {\n        id\n        prompt\n        choices\n        difficulty\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StartQuiz($skill: String!) {\n    startQuiz(skill: $skill) {\n      id\n      skill\n      expiresAt\n      questions {\n        id\n        prompt\n        choices\n        difficulty\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitQuiz($input: SkillQuizSubmission!) {\n    submitQuiz(input: $input) {\n      correct\n      total\n      assessment {\n        id\n        skill\n        level\n        score\n        source\n        takenAt\n      }\n      questions {\n        questionId\n        correct\n        correctChoice\n        explanation\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitQuiz($input: SkillQuizSubmission!) {\n    submitQuiz(input: $input) {\n      correct\n      total\n      assessment {\n        id\n        skill\n        level\n        score\n        source\n        takenAt\n      }\n      questions {\n        questionId\n        correct\n        correctChoice\n        explanation\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssessmentHistory($skill: String!) {\n    me {\n      id\n      assessments(skill: $skill) {\n        id\n        skill\n        level\n        source\n        score\n        note\n        takenAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query AssessmentHistory($skill: String!) {\n    me {\n      id\n      assessments(skill: $skill) {\n        id\n        skill\n        level\n        source\n        score\n        note\n        takenAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EmailVerified {\n    me {\n      id\n      emailVerified\n    }\n  }\n"): (typeof documents)["\n  query EmailVerified {\n    me {\n      id\n      emailVerified\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CourseBits on Course {\n    id\n    title\n    provider\n    url\n    description\n    durationHours\n    free\n    level\n    rating\n    skills\n    myEnrollment {\n      id\n      status\n      percent\n    }\n  }\n"): (typeof documents)["\n  fragment CourseBits on Course {\n    id\n    title\n    provider\n    url\n    description\n    durationHours\n    free\n    level\n    rating\n    skills\n    myEnrollment {\n      id\n      status\n      percent\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyCourses {\n    me {\n      id\n      recommendedCourses(first: 10) {\n        score\n        reason\n        matchedSkills\n        course {\n          ...CourseBits\n        }\n      }\n      enrollments {\n        id\n        status\n        percent\n        course {\n          ...CourseBits\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyCourses {\n    me {\n      id\n      recommendedCourses(first: 10) {\n        score\n        reason\n        matchedSkills\n        course {\n          ...CourseBits\n        }\n      }\n      enrollments {\n        id\n        status\n        percent\n        course {\n          ...CourseBits\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Catalogue($search: String, $level: CourseLevel, $free: Boolean, $after: String) {\n    courses(search: $search, level: $level, free: $free, first: 10, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...CourseBits\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Catalogue($search: String, $level: CourseLevel, $free: Boolean, $after: String) {\n    courses(search: $search, level: $level, free: $free, first: 10, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...CourseBits\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Enroll($courseId: ID!) {\n    enroll(courseId: $courseId) {\n      id\n      status\n      percent\n      course {\n        id\n        myEnrollment {\n          id\n          status\n          percent\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Enroll($courseId: ID!) {\n    enroll(courseId: $courseId) {\n      id\n      status\n      percent\n      course {\n        id\n        myEnrollment {\n          id\n          status\n          percent\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteCourse($courseId: ID!) {\n    completeCourse(courseId: $courseId) {\n      id\n      status\n      percent\n      course {\n        id\n        myEnrollment {\n          id\n          status\n          percent\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteCourse($courseId: ID!) {\n    completeCourse(courseId: $courseId) {\n      id\n      status\n      percent\n      course {\n        id\n        myEnrollment {\n          id\n          status\n          percent\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyCVs {\n    me {\n      id\n      cvs {\n        id\n        fileName\n        uploadedAt\n        status\n        analysis {\n          score\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyCVs {\n    me {\n      id\n      cvs {\n        id\n        fileName\n        uploadedAt\n        status\n        analysis {\n          score\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CVDetail($id: ID!) {\n    cv(id: $id) {\n      id\n      fileName\n      sizeBytes\n      fileType\n      uploadedAt\n      status\n      pages\n      failure {\n        code\n        message\n        retryable\n      }\n      analysis {\n        score\n        scoreReasons {\n          aspect\n          points\n          maxPoints\n          comment\n        }\n        strengths\n        weaknesses\n        suggestions\n        seniority\n        suggestedRoles {\n          title\n          reason\n        }\n        skills {\n          name\n          category\n          level\n          years\n          evidence {\n            snippet\n            where\n          }\n        }\n        confidence\n        unreadParts {\n          part\n          reason\n        }\n        engine\n        analysedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query CVDetail($id: ID!) {\n    cv(id: $id) {\n      id\n      fileName\n      sizeBytes\n      fileType\n      uploadedAt\n      status\n      pages\n      failure {\n        code\n        message\n        retryable\n      }\n      analysis {\n        score\n        scoreReasons {\n          aspect\n          points\n          maxPoints\n          comment\n        }\n        strengths\n        weaknesses\n        suggestions\n        seniority\n        suggestedRoles {\n          title\n          reason\n        }\n        skills {\n          name\n          category\n          level\n          years\n          evidence {\n            snippet\n            where\n          }\n        }\n        confidence\n        unreadParts {\n          part\n          reason\n        }\n        engine\n        analysedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UploadCV($file: Upload!) {\n    uploadCV(file: $file) {\n      id\n      fileName\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation UploadCV($file: Upload!) {\n    uploadCV(file: $file) {\n      id\n      fileName\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReanalyzeCV($id: ID!) {\n    reanalyzeCV(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ReanalyzeCV($id: ID!) {\n    reanalyzeCV(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteCV($id: ID!) {\n    deleteCV(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteCV($id: ID!) {\n    deleteCV(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CVProgress($cvId: ID!) {\n    cvAnalysisProgress(cvId: $cvId) {\n      cvId\n      stage\n      percent\n      message\n      error\n    }\n  }\n"): (typeof documents)["\n  subscription CVProgress($cvId: ID!) {\n    cvAnalysisProgress(cvId: $cvId) {\n      cvId\n      stage\n      percent\n      message\n      error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard {\n    me {\n      id\n      displayName\n      headline\n      location\n      avatarUrl\n      progress {\n        coursesInProgress\n        coursesCompleted\n        hoursLearned\n        hoursThisWeek\n        milestonesAchieved\n        milestonesTotal\n        currentStreak\n        longestStreak\n        weeklyActivity {\n          weekStart\n          activeDays\n          activities\n          hours\n        }\n      }\n      cvs {\n        id\n        fileName\n        status\n        failure {\n          message\n        }\n        analysis {\n          score\n          seniority\n        }\n      }\n      goals {\n        id\n        title\n        status\n        milestones {\n          id\n          title\n          dueDate\n          achieved\n          overdue\n        }\n      }\n      recommendedCourses(first: 3) {\n        score\n        reason\n        course {\n          id\n          title\n          provider\n          url\n          durationHours\n          free\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Dashboard {\n    me {\n      id\n      displayName\n      headline\n      location\n      avatarUrl\n      progress {\n        coursesInProgress\n        coursesCompleted\n        hoursLearned\n        hoursThisWeek\n        milestonesAchieved\n        milestonesTotal\n        currentStreak\n        longestStreak\n        weeklyActivity {\n          weekStart\n          activeDays\n          activities\n          hours\n        }\n      }\n      cvs {\n        id\n        fileName\n        status\n        failure {\n          message\n        }\n        analysis {\n          score\n          seniority\n        }\n      }\n      goals {\n        id\n        title\n        status\n        milestones {\n          id\n          title\n          dueDate\n          achieved\n          overdue\n        }\n      }\n      recommendedCourses(first: 3) {\n        score\n        reason\n        course {\n          id\n          title\n          provider\n          url\n          durationHours\n          free\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Goals {\n    me {\n      id\n      goals {\n        id\n        title\n        description\n        status\n        targetDate\n        progressPercent\n        targetRole {\n          id\n          title\n        }\n        milestones {\n          id\n          title\n          dueDate\n          achieved\n          achievedAt\n          overdue\n          position\n        }\n        learningPath {\n          steps {\n            position\n            skill\n            currentLevel\n            targetLevel\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Goals {\n    me {\n      id\n      goals {\n        id\n        title\n        description\n        status\n        targetDate\n        progressPercent\n        targetRole {\n          id\n          title\n        }\n        milestones {\n          id\n          title\n          dueDate\n          achieved\n          achievedAt\n          overdue\n          position\n        }\n        learningPath {\n          steps {\n            position\n            skill\n            currentLevel\n            targetLevel\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GoalRoles {\n    roles {\n      id\n      title\n      category\n      seniority\n    }\n  }\n"): (typeof documents)["\n  query GoalRoles {\n    roles {\n      id\n      title\n      category\n      seniority\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateGoal($input: CreateGoalInput!) {\n    createGoal(input: $input) {\n      id\n      title\n    }\n  }\n"): (typeof documents)["\n  mutation CreateGoal($input: CreateGoalInput!) {\n    createGoal(input: $input) {\n      id\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteGoal($id: ID!) {\n    deleteGoal(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteGoal($id: ID!) {\n    deleteGoal(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMilestone($input: MilestoneInput!) {\n    createMilestone(input: $input) {\n      id\n      title\n    }\n  }\n"): (typeof documents)["\n  mutation CreateMilestone($input: MilestoneInput!) {\n    createMilestone(input: $input) {\n      id\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AchieveMilestone($id: ID!, $achieved: Boolean!) {\n    achieveMilestone(id: $id, achieved: $achieved) {\n      id\n      achieved\n      achievedAt\n      overdue\n    }\n  }\n"): (typeof documents)["\n  mutation AchieveMilestone($id: ID!, $achieved: Boolean!) {\n    achieveMilestone(id: $id, achieved: $achieved) {\n      id\n      achieved\n      achievedAt\n      overdue\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMilestone($id: ID!, $input: MilestoneUpdateInput!) {\n    updateMilestone(id: $id, input: $input) {\n      id\n      title\n      dueDate\n      overdue\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMilestone($id: ID!, $input: MilestoneUpdateInput!) {\n    updateMilestone(id: $id, input: $input) {\n      id\n      title\n      dueDate\n      overdue\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteMilestone($id: ID!) {\n    deleteMilestone(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteMilestone($id: ID!) {\n    deleteMilestone(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InterviewRoles {\n    roles {\n      id\n      title\n    }\n  }\n"): (typeof documents)["\n  query InterviewRoles {\n    roles {\n      id\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InterviewQuestions($roleId: ID, $skill: String, $difficulty: InterviewDifficulty) {\n    interviewQuestions(roleId: $roleId, skill: $skill, difficulty: $difficulty, first: 5) {\n      id\n      kind\n      difficulty\n      skill\n      text\n    }\n  }\n"): (typeof documents)["\n  query InterviewQuestions($roleId: ID, $skill: String, $difficulty: InterviewDifficulty) {\n    interviewQuestions(roleId: $roleId, skill: $skill, difficulty: $difficulty, first: 5) {\n      id\n      kind\n      difficulty\n      skill\n      text\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitInterviewAnswer($questionId: ID!, $answer: String!) {\n    submitInterviewAnswer(questionId: $questionId, answer: $answer) {\n      id\n      answer\n      createdAt\n      feedback {\n        overall\n        reviewer\n        suggestions\n        star {\n          score\n          reasons\n        }\n        specificity {\n          score\n          reasons\n        }\n        relevance {\n          score\n          reasons\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitInterviewAnswer($questionId: ID!, $answer: String!) {\n    submitInterviewAnswer(questionId: $questionId, answer: $answer) {\n      id\n      answer\n      createdAt\n      feedback {\n        overall\n        reviewer\n        suggestions\n        star {\n          score\n          reasons\n        }\n        specificity {\n          score\n          reasons\n        }\n        relevance {\n          score\n          reasons\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MarketRoles {\n    roles {\n      id\n      title\n      category\n    }\n  }\n"): (typeof documents)["\n  query MarketRoles {\n    roles {\n      id\n      title\n      category\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MarketGoals {\n    me {\n      id\n      goals {\n        id\n        status\n        targetRole {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MarketGoals {\n    me {\n      id\n      goals {\n        id\n        status\n        targetRole {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MarketInsights($roleId: ID!) {\n    marketInsights(roleId: $roleId) {\n      socCode\n      occupationTitle\n      projectionGroup\n      role {\n        id\n        title\n      }\n      medianPay {\n        ...Figure\n      }\n      pay10thPercentile {\n        ...Figure\n      }\n      pay90thPercentile {\n        ...Figure\n      }\n      projectedGrowthPercent {\n        ...Figure\n      }\n      annualOpenings {\n        ...Figure\n      }\n      typicalEducation {\n        value\n        source {\n          name\n          year\n          url\n        }\n      }\n      topSkills {\n        name\n        level\n      }\n      topSkillsSource {\n        name\n        year\n        url\n      }\n      hotTechnologies\n      hotTechnologiesSource {\n        name\n        year\n        url\n      }\n      relatedRoles {\n        id\n        title\n      }\n    }\n  }\n  fragment Figure on MarketFigure {\n    value\n    unit\n    atLeast\n    source {\n      name\n      year\n      url\n    }\n  }\n"): (typeof documents)["\n  query MarketInsights($roleId: ID!) {\n    marketInsights(roleId: $roleId) {\n      socCode\n      occupationTitle\n      projectionGroup\n      role {\n        id\n        title\n      }\n      medianPay {\n        ...Figure\n      }\n      pay10thPercentile {\n        ...Figure\n      }\n      pay90thPercentile {\n        ...Figure\n      }\n      projectedGrowthPercent {\n        ...Figure\n      }\n      annualOpenings {\n        ...Figure\n      }\n      typicalEducation {\n        value\n        source {\n          name\n          year\n          url\n        }\n      }\n      topSkills {\n        name\n        level\n      }\n      topSkillsSource {\n        name\n        year\n        url\n      }\n      hotTechnologies\n      hotTechnologiesSource {\n        name\n        year\n        url\n      }\n      relatedRoles {\n        id\n        title\n      }\n    }\n  }\n  fragment Figure on MarketFigure {\n    value\n    unit\n    atLeast\n    source {\n      name\n      year\n      url\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlannerRoles($category: RoleCategory) {\n    roles(category: $category) {\n      id\n      title\n      category\n      seniority\n    }\n  }\n"): (typeof documents)["\n  query PlannerRoles($category: RoleCategory) {\n    roles(category: $category) {\n      id\n      title\n      category\n      seniority\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CareerPath($from: ID!, $to: ID!) {\n    careerPath(from: $from, to: $to) {\n      totalLevelsToGain\n      from {\n        id\n        title\n      }\n      to {\n        id\n        title\n      }\n      steps {\n        from {\n          id\n          title\n        }\n        to {\n          id\n          title\n        }\n        skillsToGain {\n          name\n          fromLevel\n          toLevel\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CareerPath($from: ID!, $to: ID!) {\n    careerPath(from: $from, to: $to) {\n      totalLevelsToGain\n      from {\n        id\n        title\n      }\n      to {\n        id\n        title\n      }\n      steps {\n        from {\n          id\n          title\n        }\n        to {\n          id\n          title\n        }\n        skillsToGain {\n          name\n          fromLevel\n          toLevel\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlannerSkillGap($role: ID!) {\n    me {\n      id\n      skillGap(targetRole: $role) {\n        readinessPercent\n        targetRole {\n          id\n          title\n        }\n        matched {\n          name\n          level\n          requiredLevel\n        }\n        missing {\n          name\n          level\n          requiredLevel\n        }\n        underLevel {\n          name\n          level\n          requiredLevel\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PlannerSkillGap($role: ID!) {\n    me {\n      id\n      skillGap(targetRole: $role) {\n        readinessPercent\n        targetRole {\n          id\n          title\n        }\n        matched {\n          name\n          level\n          requiredLevel\n        }\n        missing {\n          name\n          level\n          requiredLevel\n        }\n        underLevel {\n          name\n          level\n          requiredLevel\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlannerGoals {\n    me {\n      id\n      goals {\n        id\n        status\n        targetRole {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PlannerGoals {\n    me {\n      id\n      goals {\n        id\n        status\n        targetRole {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlannerCreateGoal($input: CreateGoalInput!) {\n    createGoal(input: $input) {\n      id\n      title\n    }\n  }\n"): (typeof documents)["\n  mutation PlannerCreateGoal($input: CreateGoalInput!) {\n    createGoal(input: $input) {\n      id\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Profile {\n    me {\n      id\n      email\n      displayName\n      avatarUrl\n      headline\n      location\n      createdAt\n      identities {\n        provider\n        email\n        linkedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query Profile {\n    me {\n      id\n      email\n      displayName\n      avatarUrl\n      headline\n      location\n      createdAt\n      identities {\n        provider\n        email\n        linkedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      displayName\n      avatarUrl\n      headline\n      location\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      displayName\n      avatarUrl\n      headline\n      location\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAccount {\n    deleteAccount\n  }\n"): (typeof documents)["\n  mutation DeleteAccount {\n    deleteAccount\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
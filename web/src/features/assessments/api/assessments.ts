import { graphql } from '@/gql';

export const AssessmentsQuery = graphql(`
  query Assessments {
    skillLevels {
      level
      name
      description
    }
    quizSkills
    skillRubrics {
      skill
      levels {
        level
        name
        description
      }
    }
    me {
      id
      skills {
        name
        level
      }
      progress {
        skillLevels {
          skill
          current
          points {
            level
            source
            at
          }
        }
      }
    }
  }
`);

export const AssessSkillMutation = graphql(`
  mutation AssessSkill($skill: String!, $level: Int!, $note: String) {
    assessSkill(skill: $skill, level: $level, note: $note) {
      id
      skill
      level
      source
      takenAt
    }
  }
`);

export const StartQuizMutation = graphql(`
  mutation StartQuiz($skill: String!) {
    startQuiz(skill: $skill) {
      id
      skill
      expiresAt
      questions {
        id
        prompt
        choices
        level
      }
    }
  }
`);

export const SubmitQuizMutation = graphql(`
  mutation SubmitQuiz($input: SkillQuizSubmission!) {
    submitQuiz(input: $input) {
      correct
      total
      assessment {
        id
        skill
        level
        score
        source
        takenAt
      }
      questions {
        questionId
        level
        correct
        correctChoice
        explanation
      }
    }
  }
`);

export interface Point {
  level: number;
  source: 'SELF' | 'QUIZ';
  at: string;
}

/** One row per assessment for a chart: the date (UTC day), level and source. */
export function chartPoints(points: Point[]): { at: number; day: string; level: number; source: string }[] {
  return [...points]
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .map((p) => ({
      at: Date.parse(p.at),
      day: p.at.slice(0, 10),
      level: p.level,
      source: p.source === 'QUIZ' ? 'quiz' : 'self-rating',
    }));
}

/** The answers of a quiz as the API wants them; null names the first unanswered question. */
export function quizAnswers(
  questions: { id: string }[],
  chosen: Record<string, number | undefined>,
): { answers: { questionId: string; choice: number }[] } | { unanswered: number } {
  const answers: { questionId: string; choice: number }[] = [];
  for (const [i, q] of questions.entries()) {
    const c = chosen[q.id];
    if (c === undefined) return { unanswered: i + 1 };
    answers.push({ questionId: q.id, choice: c });
  }
  return { answers };
}

export const AssessmentHistoryQuery = graphql(`
  query AssessmentHistory($skill: String!) {
    me {
      id
      assessments(skill: $skill) {
        id
        skill
        level
        source
        score
        note
        takenAt
      }
    }
  }
`);

/** A quiz in progress as kept in storage: which attempt, and the choices made so far. */
export interface SavedQuiz {
  quizId: string;
  skill: string;
  chosen: Record<string, number>;
}

export function isSavedQuiz(v: unknown): v is SavedQuiz {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  if (typeof o.quizId !== 'string' || typeof o.skill !== 'string') return false;
  if (typeof o.chosen !== 'object' || o.chosen === null) return false;
  return Object.values(o.chosen).every((c) => Number.isInteger(c) && (c as number) >= 0);
}

/** The storage key of a user's quiz in progress (one per user and browser). */
export const quizKey = (userId: string) => `careercoach.quiz.${userId}`;

import { graphql } from '@/gql';

export const InterviewRolesQuery = graphql(`
  query InterviewRoles {
    roles {
      id
      title
    }
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

export const InterviewQuestionsQuery = graphql(`
  query InterviewQuestions($roleId: ID, $skill: String, $difficulty: InterviewDifficulty) {
    interviewQuestions(roleId: $roleId, skill: $skill, difficulty: $difficulty, first: 8) {
      id
      kind
      difficulty
      skill
      text
    }
  }
`);

export const SubmitAnswerMutation = graphql(`
  mutation SubmitInterviewAnswer($questionId: ID!, $answer: String!) {
    submitInterviewAnswer(questionId: $questionId, answer: $answer) {
      id
      answer
      createdAt
      keyPoints
      feedback {
        overall
        reviewer
        suggestions
        star {
          score
          reasons
        }
        specificity {
          score
          reasons
        }
        relevance {
          score
          reasons
        }
      }
    }
  }
`);

export const QuestionHistoryQuery = graphql(`
  query InterviewQuestionHistory($questionId: ID!) {
    me {
      id
      interviewPractice(questionId: $questionId, first: 20) {
        id
        answer
        createdAt
        keyPoints
        feedback {
          overall
          star {
            score
          }
          specificity {
            score
          }
          relevance {
            score
          }
        }
      }
    }
  }
`);

export const MIN_ANSWER = 10;
export const MAX_ANSWER = 5000;

export function checkAnswer(a: string): string | null {
  const n = [...a.trim()].length;
  if (n < MIN_ANSWER) return `Write at least ${MIN_ANSWER} characters.`;
  if (n > MAX_ANSWER) return `Use at most ${MAX_ANSWER} characters.`;
  return null;
}

/** The role the page opens on: the URL's, else the active goal's, else any role. */
export function startingRole(
  fromURL: string | null,
  goals: { status: string; targetRole: { id: string } }[],
): string {
  if (fromURL !== null) return fromURL;
  return goals.find((g) => g.status === 'ACTIVE')?.targetRole.id ?? '';
}

/** The storage key of a user's draft answer to a question. */
export const draftKey = (userId: string, questionId: string) =>
  `careercoach.interview.draft.${userId}.${questionId}`;

export const isDraft = (v: unknown): v is string => typeof v === 'string';

/** Attempts oldest first, as points of a score-over-time chart. */
export function scorePoints(attempts: { createdAt: string; feedback: { overall: number } }[]) {
  return [...attempts]
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))
    .map((a, i) => ({ n: i + 1, at: a.createdAt, overall: a.feedback.overall }));
}

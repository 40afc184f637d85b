import { graphql } from '@/gql';

export const InterviewRolesQuery = graphql(`
  query InterviewRoles {
    roles {
      id
      title
    }
  }
`);

export const InterviewQuestionsQuery = graphql(`
  query InterviewQuestions($roleId: ID, $skill: String, $difficulty: InterviewDifficulty) {
    interviewQuestions(roleId: $roleId, skill: $skill, difficulty: $difficulty, first: 5) {
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

export const MIN_ANSWER = 10;
export const MAX_ANSWER = 5000;

export function checkAnswer(a: string): string | null {
  const n = [...a.trim()].length;
  if (n < MIN_ANSWER) return `Write at least ${MIN_ANSWER} characters.`;
  if (n > MAX_ANSWER) return `Use at most ${MAX_ANSWER} characters.`;
  return null;
}

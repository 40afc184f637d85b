import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { PageHeader } from '@/components/ui/PageHeader';
import { PageSkeleton } from '@/components/ui/Skeleton';
import { EmptyState, ErrorState } from '@/components/ui/States';
import type { InterviewDifficulty } from '@/gql/graphql';
import { describeError } from '@/lib/errors';
import { InterviewQuestionsQuery, InterviewRolesQuery, startingRole } from '../api/interview';
import { QuestionCard } from './QuestionCard';

const select =
  'min-h-10 rounded-md border border-slate-400 bg-white px-3 py-2 text-sm dark:border-slate-500 dark:bg-slate-900';
const difficulties = ['EASY', 'MEDIUM', 'HARD'] as const;

export function InterviewPage() {
  const [roles] = useQuery({ query: InterviewRolesQuery });
  const [params, setParams] = useSearchParams();
  // Role and difficulty live in the URL, so a reload or Back keeps them.
  const roleId = startingRole(params.get('role'), roles.data?.me?.goals ?? []);
  const raw = params.get('difficulty') ?? '';
  const difficulty = (difficulties as readonly string[]).includes(raw) ? (raw as InterviewDifficulty) : '';
  const choose = (name: string, value: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set(name, value);
        return next;
      },
      { replace: true },
    );
  const [{ data, fetching, error }, refetch] = useQuery({
    query: InterviewQuestionsQuery,
    variables: { roleId: roleId || null, difficulty: difficulty || null },
    pause: roles.fetching && !roles.data,
  });
  const userId = roles.data?.me?.id;

  return (
    <>
      <PageHeader title="Interview prep">
        <p>
          Practise questions drawn from your target role&apos;s skills and behavioural questions, get feedback
          on structure, specificity and relevance, and follow your scores over time.
        </p>
      </PageHeader>
      <div className="mb-6 flex flex-wrap gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="iv-role" className="text-sm font-medium">
            Role
          </label>
          <select
            id="iv-role"
            value={roleId}
            onChange={(e) => choose('role', e.target.value)}
            className={select}
          >
            <option value="">Any role</option>
            {(roles.data?.roles ?? []).map((r) => (
              <option key={r.id} value={r.id}>
                {r.title}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="iv-diff" className="text-sm font-medium">
            Difficulty
          </label>
          <select
            id="iv-diff"
            value={difficulty}
            onChange={(e) => choose('difficulty', e.target.value)}
            className={select}
          >
            <option value="">Any</option>
            <option value="EASY">Easy</option>
            <option value="MEDIUM">Medium</option>
            <option value="HARD">Hard</option>
          </select>
        </div>
      </div>
      {(fetching && !data) || !userId ? (
        roles.error && !roles.data ? (
          <ErrorState
            message={describeError(roles.error)}
            onRetry={() => refetch({ requestPolicy: 'network-only' })}
          />
        ) : (
          <PageSkeleton label="Loading questions" />
        )
      ) : error && !data ? (
        <ErrorState
          message={describeError(error)}
          onRetry={() => refetch({ requestPolicy: 'network-only' })}
        />
      ) : !data || data.interviewQuestions.length === 0 ? (
        <EmptyState title="No questions for this choice">Pick another role or difficulty.</EmptyState>
      ) : (
        <ul className="flex flex-col gap-4">
          {data.interviewQuestions.map((q) => (
            <QuestionCard key={q.id} q={q} userId={userId} />
          ))}
        </ul>
      )}
    </>
  );
}

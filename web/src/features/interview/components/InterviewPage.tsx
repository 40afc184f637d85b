import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { PageHeader } from '@/components/ui/PageHeader';
import { PageSkeleton } from '@/components/ui/Skeleton';
import { EmptyState, ErrorState } from '@/components/ui/States';
import type { InterviewDifficulty, SubmitInterviewAnswerMutation } from '@/gql/graphql';
import { describeError } from '@/lib/errors';
import {
  checkAnswer,
  InterviewQuestionsQuery,
  InterviewRolesQuery,
  MAX_ANSWER,
  SubmitAnswerMutation,
} from '../api/interview';

type Feedback = SubmitInterviewAnswerMutation['submitInterviewAnswer']['feedback'];
const select =
  'min-h-10 rounded-md border border-slate-400 bg-white px-3 py-2 text-sm dark:border-slate-500 dark:bg-slate-900';

function FeedbackView({ f }: { f: Feedback }) {
  const dims = [
    ['Structure (situation, task, action, result)', f.star],
    ['Specificity', f.specificity],
    ['Relevance', f.relevance],
  ] as const;
  return (
    <div
      className="mt-3 flex flex-col gap-2 rounded-md bg-slate-50 p-3 text-sm dark:bg-slate-800"
      aria-live="polite"
    >
      <p className="font-semibold" data-testid="overall">
        Overall: {f.overall} of 5
      </p>
      <dl className="grid gap-2 md:grid-cols-3">
        {dims.map(([label, d]) => (
          <div key={label}>
            <dt className="font-medium">
              {label}: {d.score} of 5
            </dt>
            <dd>
              <ul className="list-disc pl-5">
                {d.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
      {f.suggestions.length > 0 && (
        <>
          <p className="font-medium">Try next time</p>
          <ul className="list-disc pl-5">
            {f.suggestions.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </>
      )}
      <p className="text-xs text-slate-600 dark:text-slate-300">
        Reviewed by {f.reviewer === 'ai' ? 'an AI reviewer' : 'the built-in reviewer'}.
      </p>
    </div>
  );
}

function Question({
  q,
}: {
  q: { id: string; kind: string; difficulty: string; skill?: string | null; text: string };
}) {
  const id = useId();
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [{ fetching, data }, submit] = useMutation(SubmitAnswerMutation);

  async function send(e: FormEvent) {
    e.preventDefault();
    const bad = checkAnswer(answer);
    if (bad) return setError(bad);
    setError(null);
    const res = await submit({ questionId: q.id, answer: answer.trim() });
    if (res.error) setError(describeError(res.error));
  }

  return (
    <li>
      <Card aria-labelledby={`${id}-q`}>
        <p className="text-xs text-slate-600 uppercase dark:text-slate-300">
          {q.kind.toLowerCase()} · {q.difficulty.toLowerCase()}
          {q.skill ? ` · ${q.skill}` : ''}
        </p>
        <h2 id={`${id}-q`} className="mb-2 font-medium">
          {q.text}
        </h2>
        <form onSubmit={send} className="flex flex-col gap-2" noValidate>
          <label htmlFor={`${id}-a`} className="text-sm font-medium">
            Your answer
          </label>
          <textarea
            id={`${id}-a`}
            value={answer}
            maxLength={MAX_ANSWER}
            rows={5}
            onChange={(e) => setAnswer(e.target.value)}
            aria-describedby={error ? `${id}-e` : undefined}
            className="rounded-md border border-slate-400 bg-white p-2 text-sm dark:border-slate-500 dark:bg-slate-900"
          />
          {error && (
            <p id={`${id}-e`} role="alert" className="text-sm text-red-700 dark:text-red-300">
              {error}
            </p>
          )}
          <Button type="submit" className="self-start" busy={fetching}>
            {fetching ? 'Reviewing…' : data ? 'Submit again' : 'Get feedback'}
          </Button>
        </form>
        {data && <FeedbackView f={data.submitInterviewAnswer.feedback} />}
      </Card>
    </li>
  );
}

export function InterviewPage() {
  const [roles] = useQuery({ query: InterviewRolesQuery });
  const [roleId, setRoleId] = useState('');
  const [difficulty, setDifficulty] = useState<InterviewDifficulty | ''>('');
  const [{ data, fetching, error }, refetch] = useQuery({
    query: InterviewQuestionsQuery,
    variables: { roleId: roleId || null, difficulty: difficulty || null },
  });

  return (
    <>
      <PageHeader title="Interview prep">
        <p>Practise questions for your role and skills and get feedback on your answers.</p>
      </PageHeader>
      <div className="mb-6 flex flex-wrap gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="iv-role" className="text-sm font-medium">
            Role
          </label>
          <select id="iv-role" value={roleId} onChange={(e) => setRoleId(e.target.value)} className={select}>
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
            onChange={(e) => setDifficulty(e.target.value as InterviewDifficulty | '')}
            className={select}
          >
            <option value="">Any</option>
            <option value="EASY">Easy</option>
            <option value="MEDIUM">Medium</option>
            <option value="HARD">Hard</option>
          </select>
        </div>
      </div>
      {fetching && !data ? (
        <PageSkeleton label="Loading questions" />
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
            <Question key={q.id} q={q} />
          ))}
        </ul>
      )}
    </>
  );
}

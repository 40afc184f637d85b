import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { describeError } from '@/lib/errors';
import { readStored, removeStored, writeStored } from '@/lib/stored';
import { checkAnswer, draftKey, isDraft, MAX_ANSWER, SubmitAnswerMutation } from '../api/interview';
import { FeedbackView } from './FeedbackView';
import { ScoreHistory } from './ScoreHistory';

interface Question {
  id: string;
  kind: string;
  difficulty: string;
  skill?: string | null;
  text: string;
}

/** One question: an answer whose draft is kept on this device, its feedback and its history. */
export function QuestionCard({ q, userId }: { q: Question; userId: string }) {
  const id = useId();
  const key = draftKey(userId, q.id);
  const [answer, setAnswer] = useState(() => readStored(key, isDraft) ?? '');
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [{ fetching, data }, submit] = useMutation(SubmitAnswerMutation);

  function edit(text: string) {
    setAnswer(text);
    if (text.trim()) writeStored(key, text);
    else removeStored(key);
  }

  async function send(e: FormEvent) {
    e.preventDefault();
    const bad = checkAnswer(answer);
    if (bad) return setError(bad);
    setError(null);
    const res = await submit({ questionId: q.id, answer: answer.trim() });
    if (res.error) return setError(describeError(res.error));
    removeStored(key); // the attempt is kept on the server now
    setVersion((v) => v + 1);
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
            rows={6}
            onChange={(e) => edit(e.target.value)}
            aria-describedby={`${id}-h${error ? ` ${id}-e` : ''}`}
            className="rounded-md border border-slate-400 bg-white p-2 text-sm dark:border-slate-500 dark:bg-slate-900"
          />
          <p id={`${id}-h`} className="text-xs text-slate-600 dark:text-slate-300">
            {[...answer].length} of {MAX_ANSWER} characters. Your draft is kept on this device until you
            submit it.
          </p>
          {error && (
            <p id={`${id}-e`} role="alert" className="text-sm text-red-700 dark:text-red-300">
              {error}
            </p>
          )}
          <Button type="submit" className="self-start" busy={fetching}>
            {fetching ? 'Reviewing…' : data ? 'Submit again' : 'Get feedback'}
          </Button>
        </form>
        {data && <FeedbackView attempt={data.submitInterviewAnswer} />}
        <ScoreHistory questionId={q.id} version={version} />
      </Card>
    </li>
  );
}

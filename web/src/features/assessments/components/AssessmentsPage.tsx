import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { Field } from '@/components/ui/Field';
import { PageHeader } from '@/components/ui/PageHeader';
import { PageSkeleton, Skeleton } from '@/components/ui/Skeleton';
import { EmptyState, ErrorState } from '@/components/ui/States';
import { useToast } from '@/components/ui/Toast';
import { describeError } from '@/lib/errors';
import type {
  AssessmentsQuery as AssessmentsResult,
  StartQuizMutation as StartResult,
  SubmitQuizMutation as SubmitResult,
} from '@/gql/graphql';
import {
  AssessmentHistoryQuery,
  AssessmentsQuery,
  AssessSkillMutation,
  isSavedQuiz,
  quizAnswers,
  quizKey,
  StartQuizMutation,
  SubmitQuizMutation,
} from '../api/assessments';
import { readStored, removeStored, writeStored } from '@/lib/stored';
import { LevelChart } from './LevelChart';
import { formatDateTime } from '@/lib/dates';

type Levels = AssessmentsResult['skillLevels'];
type Rubrics = AssessmentsResult['skillRubrics'];
type Quiz = StartResult['startQuiz'];
type QuizResult = SubmitResult['submitQuiz'];

const selectClass =
  'min-h-10 rounded-md border border-slate-400 bg-white px-3 py-2 text-sm dark:border-slate-500 dark:bg-slate-900';

function SelfRating({
  levels,
  rubrics,
  skills,
  onSaving,
  onSaved,
  onFailed,
}: {
  levels: Levels;
  rubrics: Rubrics;
  skills: string[];
  onSaving: (skill: string, level: number) => void;
  onSaved: (skill: string) => void;
  onFailed: () => void;
}) {
  const [{ fetching }, assess] = useMutation(AssessSkillMutation);
  const [skill, setSkill] = useState('');
  const [level, setLevel] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const toast = useToast();
  const listId = useId();
  const rubric = rubrics.find((r) => r.skill.toLowerCase() === skill.trim().toLowerCase());
  const shown = rubric ? rubric.levels : levels;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const name = skill.trim();
    if (!name) return setError('Name the skill you are rating.');
    if (level === null) return setError('Choose the level that describes you best.');
    setError(null);
    onSaving(name, level); // shown at once; rolled back if refused
    const res = await assess({ skill: name, level, note: note.trim() || null });
    if (res.error) {
      onFailed();
      return setError(describeError(res.error));
    }
    toast({ title: `${res.data?.assessSkill.skill ?? name} rated level ${level}`, variant: 'success' });
    setNote('');
    setLevel(null);
    onSaved(res.data?.assessSkill.skill ?? name);
  }

  return (
    <Card aria-labelledby="rate-heading">
      <h2 id="rate-heading" className="mb-3 text-base font-semibold">
        Rate a skill yourself
      </h2>
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <Field
          label="Skill"
          list={listId}
          value={skill}
          maxLength={80}
          onChange={(e) => setSkill(e.target.value)}
          hint="A skill from your CV or any other, e.g. SQL"
        />
        <datalist id={listId}>
          {[...skills, ...rubrics.map((r) => r.skill)].map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium">
            {rubric ? `Your level: which describes what you do in ${rubric.skill}?` : 'Your level'}
          </legend>
          {rubric && (
            <p className="text-sm text-slate-700 dark:text-slate-300">
              A quiz cannot measure {rubric.skill}: pick the behaviour that matches what you do most of the
              time.
            </p>
          )}
          {shown.map((l) => (
            <label
              key={l.level}
              htmlFor={`self-level-${l.level}`}
              className="flex cursor-pointer gap-3 rounded-md border border-slate-200 p-3 text-sm has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50 dark:border-slate-700 dark:has-[:checked]:border-indigo-300 dark:has-[:checked]:bg-indigo-950"
            >
              <input
                id={`self-level-${l.level}`}
                type="radio"
                name="self-level"
                value={l.level}
                checked={level === l.level}
                onChange={() => setLevel(l.level)}
                className="mt-0.5 h-4 w-4"
              />
              <span className="flex flex-col">
                {l.level} · {l.name}
                <span className="text-slate-700 dark:text-slate-300">{l.description}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <Field
          label="Note (optional)"
          value={note}
          maxLength={500}
          onChange={(e) => setNote(e.target.value)}
        />
        {error && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            {error}
          </p>
        )}
        <Button type="submit" className="self-start" busy={fetching}>
          {fetching ? 'Saving…' : 'Save rating'}
        </Button>
      </form>
    </Card>
  );
}

function QuizRunner({
  userId,
  skills,
  onScored,
}: {
  userId: string;
  skills: string[];
  onScored: (skill: string) => void;
}) {
  const [startState, start] = useMutation(StartQuizMutation);
  const [submitState, submit] = useMutation(SubmitQuizMutation);
  const [params, setParams] = useSearchParams();
  const [skill, setSkill] = useState(params.get('quiz') ?? '');
  const [quiz, setQuiz] = useState<Quiz | null>(null);
  const [chosen, setChosen] = useState<Record<string, number | undefined>>({});
  const [result, setResult] = useState<QuizResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [resumed, setResumed] = useState(false);
  const selectId = useId();
  const key = quizKey(userId);

  const setQuizParam = (value: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set('quiz', value);
        else next.delete('quiz');
        return next;
      },
      { replace: true },
    );

  // A quiz in progress survives a reload: its skill is in the URL (or in
  // storage), startQuiz hands back the same open attempt, and the choices made
  // so far come back from storage. Scoring stays on the server.
  const resumedOnce = useRef(false);
  useEffect(() => {
    if (resumedOnce.current) return;
    resumedOnce.current = true;
    const saved = readStored(key, isSavedQuiz);
    const wanted = params.get('quiz') ?? saved?.skill;
    if (!wanted) return;
    void start({ skill: wanted }).then((res) => {
      const q = res.data?.startQuiz;
      if (res.error || !q) {
        setQuizParam(null);
        return setError(res.error ? describeError(res.error) : 'The quiz could not be resumed.');
      }
      setSkill(q.skill);
      setQuiz(q);
      setQuizParam(q.skill);
      if (saved && saved.quizId === q.id) {
        setChosen(saved.chosen);
        setResumed(Object.keys(saved.chosen).length > 0);
      } else removeStored(key);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on arrival
  }, []);

  function choose(questionId: string, choice: number) {
    if (!quiz) return;
    const next = { ...chosen, [questionId]: choice };
    setChosen(next);
    const kept: Record<string, number> = {};
    for (const [id, c] of Object.entries(next)) if (c !== undefined) kept[id] = c;
    writeStored(key, { quizId: quiz.id, skill: quiz.skill, chosen: kept });
  }

  async function begin() {
    if (!skill) return setError('Choose a skill to be quizzed on.');
    setError(null);
    setResult(null);
    setChosen({});
    setResumed(false);
    const res = await start({ skill });
    if (res.error) return setError(describeError(res.error));
    const q = res.data?.startQuiz ?? null;
    setQuiz(q);
    if (q) {
      setQuizParam(q.skill);
      writeStored(key, { quizId: q.id, skill: q.skill, chosen: {} });
    }
  }

  async function finish(e: FormEvent) {
    e.preventDefault();
    if (!quiz) return;
    const a = quizAnswers(quiz.questions, chosen);
    if ('unanswered' in a) return setError(`Answer question ${a.unanswered} first.`);
    setError(null);
    const res = await submit({ input: { quizId: quiz.id, answers: a.answers } });
    if (res.error) return setError(describeError(res.error));
    removeStored(key);
    setQuizParam(null);
    setResult(res.data?.submitQuiz ?? null);
    onScored(quiz.skill);
  }

  const verdict = (id: string) => result?.questions.find((q) => q.questionId === id);

  return (
    <Card aria-labelledby="quiz-heading">
      <h2 id="quiz-heading" className="mb-3 text-base font-semibold">
        Take a quiz
      </h2>
      {!quiz || result ? (
        <div className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor={selectId} className="text-sm font-medium">
              Quiz skill
            </label>
            <select
              id={selectId}
              value={skill}
              onChange={(e) => setSkill(e.target.value)}
              className={selectClass}
            >
              <option value="">Choose a skill</option>
              {skills.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
          <Button
            onClick={() => void begin()}
            busy={startState.fetching}
            variant={result ? 'secondary' : 'primary'}
          >
            {startState.fetching ? 'Starting…' : result ? 'Take another quiz' : 'Start quiz'}
          </Button>
        </div>
      ) : null}
      {error && (
        <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      {quiz && !result && (
        <p role="status" className="mt-3 text-sm text-slate-700 dark:text-slate-300">
          {resumed ? 'Resumed where you left off. ' : ''}One question per level, 1 to 5. Your answers are kept
          on this device until you submit; expires{' '}
          {new Date(quiz.expiresAt).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}.
        </p>
      )}
      {quiz && (
        <form
          onSubmit={finish}
          className="mt-4 flex flex-col gap-5"
          noValidate
          aria-label={`${quiz.skill} quiz`}
        >
          {result && (
            <div role="status" className="rounded-md bg-indigo-50 p-4 dark:bg-indigo-950">
              <p className="font-semibold">
                {result.correct} of {result.total} correct · measured level {result.assessment.level}
                {result.assessment.score !== null && result.assessment.score !== undefined
                  ? ` (score ${result.assessment.score}%)`
                  : ''}
              </p>
              <p className="text-sm">
                The measured level is the highest level you answered right with at most one miss below it. The
                chart of your {quiz.skill} level above now includes this result.
              </p>
            </div>
          )}
          <ol className="flex flex-col gap-5">
            {quiz.questions.map((q, i) => {
              const v = verdict(q.id);
              return (
                <li key={q.id}>
                  <fieldset disabled={!!result}>
                    <legend className="mb-2 font-medium">
                      {i + 1}. {q.prompt}{' '}
                      <span className="text-sm font-normal text-slate-600 dark:text-slate-300">
                        (level {q.level} of 5)
                      </span>
                    </legend>
                    <div className="flex flex-col gap-1">
                      {q.choices.map((c, ci) => {
                        const right = v && v.correctChoice === ci;
                        const wrongPick = v && !v.correct && chosen[q.id] === ci;
                        return (
                          <label
                            key={ci}
                            className={`flex items-center gap-2 rounded-md px-2 py-1 text-sm ${right ? 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100' : wrongPick ? 'bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100' : ''}`}
                          >
                            <input
                              type="radio"
                              name={`q-${q.id}`}
                              checked={chosen[q.id] === ci}
                              onChange={() => choose(q.id, ci)}
                              className="h-4 w-4"
                            />
                            {c}
                            {right && <span className="font-medium"> (right answer)</span>}
                            {wrongPick && <span className="font-medium"> (your answer)</span>}
                          </label>
                        );
                      })}
                    </div>
                  </fieldset>
                  {v && (
                    <p className="mt-2 text-sm">
                      <strong>{v.correct ? 'Correct.' : 'Not quite.'}</strong> {v.explanation}
                    </p>
                  )}
                </li>
              );
            })}
          </ol>
          {!result && (
            <Button type="submit" className="self-start" busy={submitState.fetching}>
              {submitState.fetching ? 'Scoring…' : 'Submit answers'}
            </Button>
          )}
        </form>
      )}
    </Card>
  );
}

function History({ skill, version }: { skill: string; version: number }) {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: AssessmentHistoryQuery,
    variables: { skill },
    requestPolicy: version ? 'network-only' : 'cache-and-network',
  });
  if (fetching && !data)
    return (
      <div role="status">
        <span className="sr-only">Loading the history…</span>
        <Skeleton className="h-24" />
      </div>
    );
  if (error && !data)
    return (
      <ErrorState message={describeError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
    );
  const rows = [...(data?.me?.assessments ?? [])].reverse();
  return (
    <>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="mb-2 text-left font-medium">Every {skill} assessment, newest first</caption>
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-700">
              <th scope="col" className="py-1 pr-3">
                When
              </th>
              <th scope="col" className="py-1 pr-3">
                Level
              </th>
              <th scope="col" className="py-1 pr-3">
                How
              </th>
              <th scope="col" className="py-1">
                Note
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.id} className="border-b border-slate-100 dark:border-slate-800">
                <td className="py-1 pr-3">{formatDateTime(a.takenAt)}</td>
                <td className="py-1 pr-3">{a.level}</td>
                <td className="py-1 pr-3">
                  {a.source === 'QUIZ' ? `quiz, ${a.score ?? 0}%` : 'self-rating'}
                </td>
                <td className="py-1">{a.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function AssessmentsPage() {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: AssessmentsQuery,
    requestPolicy: 'cache-and-network',
  });
  const [picked, setPicked] = useState('');
  const [version, setVersion] = useState(0);
  // An optimistic self-rating, valid until the next answer of the page query arrives.
  const [pending, setPending] = useState<{ skill: string; level: number; base: unknown } | null>(null);
  const trendId = useId();
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const changed = (skill: string) => {
    setPicked(skill);
    setVersion((v) => v + 1);
    reload();
  };

  const header = (
    <PageHeader title="Skills assessment">
      <p>Rate your skills, take quizzes and follow your levels over time.</p>
    </PageHeader>
  );
  if (fetching && !data)
    return (
      <>
        {header}
        <PageSkeleton label="Loading your assessments" />
      </>
    );
  if (error && !data)
    return (
      <>
        {header}
        <ErrorState message={describeError(error)} onRetry={reload} />
      </>
    );
  const trends = data?.me?.progress.skillLevels ?? [];
  const cvSkills = (data?.me?.skills ?? []).map((s) => s.name);
  const known = [...new Set([...cvSkills, ...(data?.quizSkills ?? [])])].sort((a, b) => a.localeCompare(b));
  const current = trends.find((t) => t.skill === picked) ?? trends[0];
  const optimistic = pending && pending.base === data ? pending : null;
  const chips = trends.map((t) => ({ skill: t.skill, level: t.current, saving: false }));
  if (optimistic) {
    const i = chips.findIndex((c) => c.skill.toLowerCase() === optimistic.skill.toLowerCase());
    const chip = {
      skill: i >= 0 ? chips[i]!.skill : optimistic.skill,
      level: optimistic.level,
      saving: true,
    };
    if (i >= 0) chips[i] = chip;
    else chips.push(chip);
  }

  return (
    <>
      {header}
      <div className="flex flex-col gap-6">
        <Card aria-labelledby="levels-heading">
          <h2 id="levels-heading" className="mb-3 text-base font-semibold">
            Your levels over time
          </h2>
          {!current && optimistic ? (
            <p role="status" className="text-sm">
              Saving {optimistic.skill} at level {optimistic.level}…
            </p>
          ) : !current ? (
            <EmptyState title="No assessments yet">
              Rate a skill yourself or take a quiz below: each result becomes a point on this chart.
            </EmptyState>
          ) : (
            <div className="flex flex-col gap-4">
              <ul aria-label="Current levels" className="flex flex-wrap gap-2">
                {chips.map((c) => (
                  <li key={c.skill} className="rounded-full bg-slate-100 px-3 py-1 text-sm dark:bg-slate-800">
                    {c.skill}: level {c.level}
                    {c.saving && ' (saving…)'}
                  </li>
                ))}
              </ul>
              <div className="flex max-w-xs flex-col gap-1">
                <label htmlFor={trendId} className="text-sm font-medium">
                  Skill to chart
                </label>
                <select
                  id={trendId}
                  value={current.skill}
                  onChange={(e) => setPicked(e.target.value)}
                  className={selectClass}
                >
                  {trends.map((t) => (
                    <option key={t.skill} value={t.skill}>
                      {t.skill}
                    </option>
                  ))}
                </select>
              </div>
              <LevelChart skill={current.skill} points={current.points} />
              <History key={`${current.skill}-${version}`} skill={current.skill} version={version} />
            </div>
          )}
        </Card>
        <div className="grid gap-6 lg:grid-cols-2">
          <SelfRating
            levels={data?.skillLevels ?? []}
            rubrics={data?.skillRubrics ?? []}
            skills={known}
            onSaving={(skill, level) => setPending({ skill, level, base: data })}
            onSaved={changed}
            onFailed={() => setPending(null)}
          />
          {data?.me && <QuizRunner userId={data.me.id} skills={data.quizSkills} onScored={changed} />}
        </div>
      </div>
    </>
  );
}

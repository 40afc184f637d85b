import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { Field } from '@/components/ui/Field';
import { PageHeader } from '@/components/ui/PageHeader';
import { ErrorState } from '@/components/ui/States';
import type { JobAdInput } from '@/gql/graphql';
import { describeError } from '@/lib/errors';
import { checkAd, MAX_AD_BYTES, MAX_TITLE, MatchJobQuery, SaveJobTargetMutation } from '../api/jobmatch';
import { MatchResult } from './MatchResult';
import { SavedJobs } from './SavedJobs';

export function JobMatchPage() {
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [company, setCompany] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [input, setInput] = useState<JobAdInput | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const [{ data, fetching, error: matchError }, rematch] = useQuery({
    query: MatchJobQuery,
    variables: { input: input ?? { text: '' } },
    pause: input === null,
  });
  const [save, saveJob] = useMutation(SaveJobTargetMutation);

  function submit(e: FormEvent) {
    e.preventDefault();
    const bad = checkAd(text, title, company);
    setError(bad);
    setSaved(null);
    if (bad) return;
    setInput({ text, title: title.trim() || null, company: company.trim() || null });
  }

  async function onSave() {
    if (!input) return;
    const res = await saveJob({ input });
    if (res.error) return setSaved(null);
    setSaved('Saved. Track it below.');
    setRefreshKey((k) => k + 1);
  }

  return (
    <>
      <PageHeader title="Job match">
        <p>
          Paste a job ad to see how your skills fit it, what is missing and what to do about it. The ad is
          read here, on Career Coach&apos;s own server; nothing is sent elsewhere.
        </p>
      </PageHeader>
      <Card className="mb-6">
        <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
          <div className="grid gap-3 md:grid-cols-2">
            <Field
              label="Job title (optional)"
              hint="Read from the ad's first line when empty."
              value={title}
              maxLength={MAX_TITLE}
              onChange={(e) => setTitle(e.target.value)}
            />
            <Field
              label="Company (optional)"
              value={company}
              maxLength={MAX_TITLE}
              onChange={(e) => setCompany(e.target.value)}
            />
          </div>
          <label htmlFor="jm-ad" className="text-sm font-medium">
            Job ad
          </label>
          <textarea
            id="jm-ad"
            value={text}
            rows={12}
            onChange={(e) => setText(e.target.value)}
            aria-describedby={`jm-ad-hint${error ? ' jm-ad-error' : ''}`}
            aria-invalid={error ? true : undefined}
            className="rounded-md border border-slate-400 bg-white p-2 font-mono text-sm dark:border-slate-500 dark:bg-slate-900"
          />
          <p id="jm-ad-hint" className="text-xs text-slate-600 dark:text-slate-300">
            The whole ad, up to {MAX_AD_BYTES.toLocaleString('en')} characters.
          </p>
          {error && (
            <p id="jm-ad-error" role="alert" className="text-sm text-red-700 dark:text-red-300">
              {error}
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" busy={fetching}>
              {fetching ? 'Matching…' : 'Match my skills'}
            </Button>
            {data && (
              <Button type="button" variant="secondary" busy={save.fetching} onClick={onSave}>
                Save this job
              </Button>
            )}
          </div>
          <div aria-live="polite" className="text-sm">
            {saved}
            {save.error && (
              <span role="alert" className="text-red-700 dark:text-red-300">
                {describeError(save.error)}
              </span>
            )}
          </div>
        </form>
      </Card>
      {matchError && !fetching ? (
        <ErrorState
          message={describeError(matchError)}
          onRetry={() => rematch({ requestPolicy: 'network-only' })}
        />
      ) : (
        data && (
          <div className="mb-6">
            <MatchResult match={data.matchJob} />
          </div>
        )
      )}
      <SavedJobs key={refreshKey} />
    </>
  );
}

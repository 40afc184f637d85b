import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { useToast } from '@/components/ui/Toast';
import { describeError } from '@/lib/errors';
import { MAX_REPORTED_HOURS, progressReport, UpdateCourseProgressMutation } from '../api/courses';

/**
 * Reports a step of a course: how far the person is (percent, never backwards) and, if they
 * say so, the hours spent since their last report. Hours are never estimated from the percent.
 */
export function ProgressReport({
  courseId,
  title,
  percent,
  onDone,
  onCancel,
}: {
  courseId: string;
  title: string;
  percent: number;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [pct, setPct] = useState(String(Math.min(100, percent + 10)));
  const [hours, setHours] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [state, report] = useMutation(UpdateCourseProgressMutation);
  const toast = useToast();
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => form.current?.querySelector('input')?.focus(), []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = progressReport(percent, pct, hours);
    if ('error' in r) return setError(r.error);
    setError(null);
    const res = await report({ courseId, percent: r.percent, hoursSpent: r.hoursSpent });
    if (res.error) return setError(describeError(res.error));
    const done = res.data?.updateCourseProgress.status === 'COMPLETED';
    toast({
      title: done ? `Completed ${title}` : `${title}: ${r.percent}% done`,
      description: r.hoursSpent ? `${r.hoursSpent} h logged` : 'No hours logged',
      variant: 'success',
    });
    onDone();
  }

  return (
    <form
      ref={form}
      onSubmit={submit}
      aria-label={`Report progress in ${title}`}
      className="mt-2 flex flex-wrap items-end gap-3"
      noValidate
    >
      <Field
        label="How far are you (%)"
        type="number"
        inputMode="numeric"
        min={percent}
        max={100}
        step={5}
        value={pct}
        onChange={(e) => setPct(e.target.value)}
        hint={`Now ${percent}%. 100 completes the course.`}
      />
      <Field
        label="Hours since your last report (optional)"
        type="number"
        inputMode="decimal"
        min={0}
        max={MAX_REPORTED_HOURS}
        step={0.25}
        value={hours}
        onChange={(e) => setHours(e.target.value)}
        hint="Only the hours you report count."
      />
      <Button type="submit" busy={state.fetching}>
        {state.fetching ? 'Saving…' : 'Save progress'}
      </Button>
      <Button type="button" variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
      {error && (
        <p role="alert" className="w-full text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </form>
  );
}

import { useRef, useState } from 'react';
import { useMutation } from 'urql';
import { Button } from '@/components/ui/Button';
import { useToast } from '@/components/ui/Toast';
import type { CourseBitsFragment } from '@/gql/graphql';
import { describeError } from '@/lib/errors';
import { CompleteCourseMutation, EnrollMutation } from '../api/courses';
import { ProgressReport } from './ProgressReport';

const hours = (h: number) => (h >= 10 ? Math.round(h).toString() : h.toFixed(1).replace(/\.0$/, ''));

export interface EnrollmentBits {
  id: string;
  status: string;
  percent: number;
  /** Hours the person reported; only their own enrollment list has it. */
  hoursLearned?: number;
}

export function CourseItem({
  course,
  enrollment,
  reason,
  onChanged,
}: {
  course: CourseBitsFragment;
  /** The viewer's enrollment from their own list (preferred over course.myEnrollment). */
  enrollment?: EnrollmentBits | null;
  reason?: string;
  onChanged: () => void;
}) {
  const [enrolling, enroll] = useMutation(EnrollMutation);
  const [completing, complete] = useMutation(CompleteCourseMutation);
  const toast = useToast();
  const e: EnrollmentBits | null | undefined = enrollment ?? course.myEnrollment;
  const [reporting, setReporting] = useState(false);
  // The Report button is hidden while its form is open; Cancel puts focus back on it.
  const actions = useRef<HTMLDivElement>(null);

  async function run(kind: 'enroll' | 'complete') {
    const res =
      kind === 'enroll' ? await enroll({ courseId: course.id }) : await complete({ courseId: course.id });
    if (res.error) {
      toast({
        title: kind === 'enroll' ? 'Enrolment failed' : 'The course was not completed',
        description: describeError(res.error),
        variant: 'error',
      });
      return;
    }
    toast({
      title: kind === 'enroll' ? `Enrolled in ${course.title}` : `Completed ${course.title}`,
      variant: 'success',
    });
    onChanged();
  }

  return (
    <li className="flex flex-col gap-1 border-b border-slate-200 py-3 last:border-0 dark:border-slate-700">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="font-medium">
            <a
              href={course.url}
              target="_blank"
              rel="noreferrer noopener"
              className="text-indigo-700 underline dark:text-indigo-300"
            >
              {course.title}
            </a>
          </h3>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {[
              course.provider,
              course.level ? course.level.toLowerCase() : 'level not stated',
              course.durationHours != null ? `${hours(course.durationHours)} h` : 'length not stated',
            ].join(' · ')}
            {course.free ? ' · free' : ''}
            {course.rating ? ` · rated ${course.rating.toFixed(1)} of 5` : ''}
          </p>
        </div>
        <div ref={actions} className="flex flex-wrap items-center gap-2">
          {!e ? (
            <Button
              variant="secondary"
              busy={enrolling.fetching}
              onClick={() => void run('enroll')}
              aria-label={`Enrol in ${course.title}`}
            >
              Enrol
            </Button>
          ) : e.status === 'COMPLETED' ? (
            <span className="text-sm font-medium text-emerald-700 dark:text-emerald-300">Completed</span>
          ) : (
            <>
              <span className="text-sm">
                {e.percent}% done
                {e.hoursLearned !== undefined &&
                  ` · ${e.hoursLearned ? `${hours(e.hoursLearned)} h reported` : 'no hours reported'}`}
              </span>
              {!reporting && (
                <Button
                  variant="secondary"
                  onClick={() => setReporting(true)}
                  data-report
                  aria-label={`Report progress in ${course.title}`}
                >
                  Report progress
                </Button>
              )}
              <Button
                variant="secondary"
                busy={completing.fetching}
                onClick={() => void run('complete')}
                aria-label={`Mark completed: ${course.title}`}
              >
                Mark completed
              </Button>
            </>
          )}
        </div>
      </div>
      {reporting && e && e.status !== 'COMPLETED' && (
        <ProgressReport
          courseId={course.id}
          title={course.title}
          percent={e.percent}
          onDone={() => {
            setReporting(false);
            onChanged();
          }}
          onCancel={() => {
            setReporting(false);
            requestAnimationFrame(() =>
              actions.current?.querySelector<HTMLButtonElement>('button[data-report]')?.focus(),
            );
          }}
        />
      )}
      {reason && <p className="text-sm">{reason}</p>}
      <p className="text-xs text-slate-600 dark:text-slate-300">Skills: {course.skills.join(', ')}</p>
      {course.source && (
        <p className="text-xs text-slate-600 dark:text-slate-300">
          Source:{' '}
          <a href={course.source.url} target="_blank" rel="noreferrer noopener" className="underline">
            {course.source.name}
          </a>{' '}
          (
          <a href={course.source.licenseUrl} target="_blank" rel="noreferrer noopener" className="underline">
            {course.source.license}
          </a>
          )
        </p>
      )}
    </li>
  );
}

import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { Field } from '@/components/ui/Field';
import { PageHeader } from '@/components/ui/PageHeader';
import { PageSkeleton } from '@/components/ui/Skeleton';
import { EmptyState, ErrorState } from '@/components/ui/States';
import type { CourseLevel } from '@/gql/graphql';
import { describeError } from '@/lib/errors';
import { CatalogueQuery, MyCoursesQuery } from '../api/courses';
import { CourseItem, type EnrollmentBits } from './CourseItem';

type ByCourse = Map<string, EnrollmentBits>;

function Catalogue({ onChanged, enrolled }: { onChanged: () => void; enrolled: ByCourse }) {
  const [text, setText] = useState('');
  const [level, setLevel] = useState<CourseLevel | ''>('');
  const [freeOnly, setFreeOnly] = useState(false);
  const [vars, setVars] = useState<{ search?: string; level?: CourseLevel; free?: boolean; after?: string }>(
    {},
  );
  const [{ data, fetching, error }, refetch] = useQuery({ query: CatalogueQuery, variables: vars });

  function submit(e: FormEvent) {
    e.preventDefault();
    setVars({ search: text.trim() || undefined, level: level || undefined, free: freeOnly || undefined });
  }

  return (
    <Card aria-labelledby="catalogue">
      <h2 id="catalogue" className="mb-3 text-base font-semibold">
        Course catalogue
      </h2>
      <form
        onSubmit={submit}
        role="search"
        aria-label="Courses"
        className="mb-3 flex flex-wrap items-end gap-3"
      >
        <Field
          label="Search"
          type="search"
          value={text}
          maxLength={200}
          onChange={(e) => setText(e.target.value)}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor="course-level" className="text-sm font-medium">
            Level
          </label>
          <select
            id="course-level"
            value={level}
            onChange={(e) => setLevel(e.target.value as CourseLevel | '')}
            className="min-h-10 rounded-md border border-slate-400 bg-white px-3 py-2 text-sm dark:border-slate-500 dark:bg-slate-900"
          >
            <option value="">Any</option>
            <option value="BEGINNER">Beginner</option>
            <option value="INTERMEDIATE">Intermediate</option>
            <option value="ADVANCED">Advanced</option>
          </select>
        </div>
        <label className="flex min-h-10 items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={freeOnly}
            onChange={(e) => setFreeOnly(e.target.checked)}
            className="h-4 w-4"
          />
          Free only
        </label>
        <Button type="submit">Search</Button>
      </form>
      {fetching && !data ? (
        <PageSkeleton label="Searching the catalogue" />
      ) : error && !data ? (
        <ErrorState
          message={describeError(error)}
          onRetry={() => refetch({ requestPolicy: 'network-only' })}
        />
      ) : data && data.courses.edges.length === 0 ? (
        <EmptyState title="No course matches">Try fewer words or another level.</EmptyState>
      ) : data ? (
        <>
          <p className="text-sm text-slate-700 dark:text-slate-300" aria-live="polite">
            {data.courses.totalCount} course{data.courses.totalCount === 1 ? '' : 's'} found
          </p>
          <ul>
            {data.courses.edges.map((e) => (
              <CourseItem
                key={e.node.id}
                course={e.node}
                enrollment={enrolled.get(e.node.id)}
                onChanged={onChanged}
              />
            ))}
          </ul>
          {data.courses.pageInfo.hasNextPage && data.courses.pageInfo.endCursor && (
            <Button
              variant="secondary"
              onClick={() => setVars({ ...vars, after: data.courses.pageInfo.endCursor! })}
            >
              Next page
            </Button>
          )}
        </>
      ) : null}
    </Card>
  );
}

export function CoursesPage() {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MyCoursesQuery,
    requestPolicy: 'cache-and-network',
  });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const me = data?.me;
  // The person's own enrollment list is the one source of "am I enrolled".
  const enrolled: ByCourse = new Map((me?.enrollments ?? []).map((e) => [e.course.id, e]));

  return (
    <>
      <PageHeader title="Courses">
        <p>Courses ranked for your skill gap, and the whole catalogue to search.</p>
      </PageHeader>
      <div className="flex flex-col gap-6">
        <Card aria-labelledby="recommended">
          <h2 id="recommended" className="mb-3 text-base font-semibold">
            Recommended for you
          </h2>
          {fetching && !data ? (
            <PageSkeleton label="Loading your recommendations" />
          ) : error && !me ? (
            <ErrorState message={describeError(error)} onRetry={reload} />
          ) : !me || me.recommendedCourses.length === 0 ? (
            <EmptyState title="No recommendations yet">
              They come from the gap between your CV&apos;s skills and your goal&apos;s role:{' '}
              <Link to="/cv" className="underline">
                upload a CV
              </Link>{' '}
              and{' '}
              <Link to="/goals" className="underline">
                set a goal
              </Link>
              .
            </EmptyState>
          ) : (
            <ol>
              {me.recommendedCourses.map((r) => (
                <CourseItem
                  key={r.course.id}
                  course={r.course}
                  enrollment={enrolled.get(r.course.id)}
                  reason={r.reason}
                  onChanged={reload}
                />
              ))}
            </ol>
          )}
        </Card>
        {me && me.enrollments.length > 0 && (
          <Card aria-labelledby="my-learning">
            <h2 id="my-learning" className="mb-3 text-base font-semibold">
              My learning
            </h2>
            <ul>
              {me.enrollments.map((e) => (
                <CourseItem key={e.id} course={e.course} enrollment={e} onChanged={reload} />
              ))}
            </ul>
          </Card>
        )}
        <Catalogue onChanged={reload} enrolled={enrolled} />
      </div>
    </>
  );
}

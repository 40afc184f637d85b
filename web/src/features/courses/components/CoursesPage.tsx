import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { Field } from '@/components/ui/Field';
import { PageHeader } from '@/components/ui/PageHeader';
import { PageSkeleton } from '@/components/ui/Skeleton';
import { EmptyState, ErrorState } from '@/components/ui/States';
import { describeError } from '@/lib/errors';
import {
  CatalogueQuery,
  catalogueVariables,
  MyCoursesQuery,
  readCatalogue,
  writeCatalogue,
  type CatalogueLevel,
  type CatalogueState,
} from '../api/courses';
import { CourseItem, type EnrollmentBits } from './CourseItem';

type ByCourse = Map<string, EnrollmentBits>;

function SearchForm({
  initial,
  onSearch,
}: {
  initial: CatalogueState;
  onSearch: (s: CatalogueState) => void;
}) {
  const [text, setText] = useState(initial.q);
  const [level, setLevel] = useState<CatalogueLevel | ''>(initial.level);
  const [freeOnly, setFreeOnly] = useState(initial.free);
  // When the URL's search changes (Back, a link), the form shows it again. Adjusted during
  // render rather than by remounting, so the Search button keeps focus after a search.
  const urlKey = `${initial.q}|${initial.level}|${initial.free}`;
  const [seen, setSeen] = useState(urlKey);
  if (seen !== urlKey) {
    setSeen(urlKey);
    setText(initial.q);
    setLevel(initial.level);
    setFreeOnly(initial.free);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    onSearch({ q: text.trim(), level, free: freeOnly, page: 1, after: '' });
  }

  return (
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
          onChange={(e) => setLevel(e.target.value as CatalogueLevel | '')}
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
  );
}

// The search, its filters and the page live in the URL, so a reload or Back
// opens the same results (each search and page is a history entry).
function Catalogue({ onChanged, enrolled }: { onChanged: () => void; enrolled: ByCourse }) {
  const [params, setParams] = useSearchParams();
  const search = readCatalogue(params);
  const variables = catalogueVariables(search);
  const [result, refetch] = useQuery({ query: CatalogueQuery, variables });
  const { fetching, error } = result;
  // While another search or page loads, urql still holds the previous results: never show
  // them under the new page's number.
  const shownVars = result.operation?.variables as typeof variables | undefined;
  const data =
    shownVars &&
    shownVars.search === variables.search &&
    shownVars.level === variables.level &&
    shownVars.free === variables.free &&
    shownVars.after === variables.after
      ? result.data
      : undefined;
  const go = (s: CatalogueState) => setParams(writeCatalogue(params, s));
  // After a page change the reader lands on the results line, not at the top of the page.
  const results = useRef<HTMLParagraphElement>(null);
  const shown = useRef(search.after);
  useEffect(() => {
    if (!data || shown.current === search.after) return;
    shown.current = search.after;
    results.current?.focus();
  }, [search.after, data]);

  return (
    <Card aria-labelledby="catalogue">
      <h2 id="catalogue" className="mb-3 text-base font-semibold">
        Course catalogue
      </h2>
      <SearchForm initial={search} onSearch={go} />
      {!data && (fetching || !error) ? (
        <PageSkeleton label="Searching the catalogue" />
      ) : error && !data ? (
        search.page > 1 ? (
          <ErrorState
            message={`${describeError(error)} This page of results could not be opened.`}
            onRetry={() => go({ ...search, page: 1, after: '' })}
            retryLabel="Go to the first page"
          />
        ) : (
          <ErrorState
            message={describeError(error)}
            onRetry={() => refetch({ requestPolicy: 'network-only' })}
          />
        )
      ) : data && data.courses.edges.length === 0 ? (
        <EmptyState title="No course matches">Try fewer words or another level.</EmptyState>
      ) : data ? (
        <>
          <p
            ref={results}
            tabIndex={-1}
            className="text-sm text-slate-700 dark:text-slate-300"
            aria-live="polite"
          >
            {data.courses.totalCount} course{data.courses.totalCount === 1 ? '' : 's'} found
            {search.page > 1 || data.courses.pageInfo.hasNextPage ? ` · page ${search.page}` : ''}
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
          <div className="flex flex-wrap gap-3">
            {search.page > 1 && (
              <Button variant="secondary" onClick={() => go({ ...search, page: 1, after: '' })}>
                First page
              </Button>
            )}
            {data.courses.pageInfo.hasNextPage && data.courses.pageInfo.endCursor && (
              <Button
                variant="secondary"
                onClick={() =>
                  go({ ...search, page: search.page + 1, after: data.courses.pageInfo.endCursor! })
                }
              >
                Next page
              </Button>
            )}
          </div>
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
        <p className="text-xs text-slate-600 dark:text-slate-300">
          The catalogue is built from openly licensed, published course lists; every course links the list it
          comes from and its licence. Level and length are shown only where that list states them.
        </p>
      </div>
    </>
  );
}

import { useMutation, useQuery } from 'urql';
import { Button } from '@/components/ui/Button';
import { Card, CardTitle } from '@/components/ui/Card';
import { EmptyState, ErrorState } from '@/components/ui/States';
import type { JobTargetStatus } from '@/gql/graphql';
import { formatDate } from '@/lib/dates';
import { describeError } from '@/lib/errors';
import {
  DeleteJobTargetMutation,
  JobTargetsQuery,
  SetJobTargetStatusMutation,
  statusLabels,
} from '../api/jobmatch';

const select =
  'min-h-10 rounded-md border border-slate-400 bg-white px-3 py-2 text-sm dark:border-slate-500 dark:bg-slate-900';

/** The user's saved jobs (remounted after a save, so the list is fetched again): where each application stands, since when, and its match today. */
export function SavedJobs() {
  const [{ data, error }, refetch] = useQuery({ query: JobTargetsQuery, requestPolicy: 'cache-and-network' });
  const [moved, setStatus] = useMutation(SetJobTargetStatusMutation);
  const [deleted, remove] = useMutation(DeleteJobTargetMutation);
  const failure = moved.error ?? deleted.error;
  return (
    <Card aria-labelledby="jm-saved">
      <CardTitle>
        <span id="jm-saved">Saved jobs</span>
      </CardTitle>
      {failure && (
        <p role="alert" className="mb-2 text-sm text-red-700 dark:text-red-300">
          {describeError(failure)}
        </p>
      )}
      {error && !data ? (
        <ErrorState
          message={describeError(error)}
          onRetry={() => refetch({ requestPolicy: 'network-only' })}
        />
      ) : !data || data.jobTargets.length === 0 ? (
        <EmptyState title="No saved jobs yet">Match an ad above, then save it to track it.</EmptyState>
      ) : (
        <ul className="flex flex-col gap-3">
          {data.jobTargets.map((t) => {
            const name = t.company ? `${t.title} at ${t.company}` : t.title;
            return (
              <li key={t.id} className="flex flex-wrap items-end justify-between gap-3 text-sm">
                <div>
                  <p className="font-medium">{name}</p>
                  <p className="text-slate-700 dark:text-slate-300">
                    Match today: {t.match.score} of 100 ({Math.round(t.match.coverage * 100)}% of the ad
                    judged) ·{' '}
                    {t.history.map((h) => `${statusLabels[h.status]} ${formatDate(h.at)}`).join(' → ')}
                  </p>
                </div>
                <div className="flex items-end gap-2">
                  <div className="flex flex-col gap-1">
                    <label htmlFor={`jm-status-${t.id}`} className="text-xs font-medium">
                      Status<span className="sr-only"> of {name}</span>
                    </label>
                    <select
                      id={`jm-status-${t.id}`}
                      className={select}
                      value={t.status}
                      onChange={async (e) => {
                        await setStatus({ id: t.id, status: e.target.value as JobTargetStatus });
                        refetch({ requestPolicy: 'network-only' });
                      }}
                    >
                      {Object.entries(statusLabels).map(([v, label]) => (
                        <option key={v} value={v}>
                          {label}
                        </option>
                      ))}
                    </select>
                  </div>
                  <Button
                    variant="secondary"
                    busy={deleted.fetching}
                    onClick={async () => {
                      const res = await remove({ id: t.id });
                      if (!res.error) refetch({ requestPolicy: 'network-only' });
                    }}
                  >
                    Delete<span className="sr-only"> {name}</span>
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

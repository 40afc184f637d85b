import { useCallback, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { PageHeader } from '@/components/ui/PageHeader';
import { PageSkeleton } from '@/components/ui/Skeleton';
import { EmptyState, ErrorState } from '@/components/ui/States';
import { describeError } from '@/lib/errors';
import { CVQuery, MyCVsQuery, ReanalyzeCVMutation } from '../api/cv';
import { AnalysisProgress } from './AnalysisProgress';
import { AnalysisView } from './AnalysisView';
import { Corrections } from './Corrections';
import { DeleteCV } from './DeleteCV';
import { UploadCard } from './UploadCard';
import { WhatWeRead } from './WhatWeRead';
import { formatDateTime } from '@/lib/dates';

const running = (s?: string) => !!s && s !== 'DONE' && s !== 'FAILED';

export function CVPage() {
  const [list, refetchList] = useQuery({ query: MyCVsQuery, requestPolicy: 'cache-and-network' });
  const [chosen, setChosen] = useState<string | null>(null);
  // The CV just uploaded: its live progress shows until DONE even if the
  // analysis finishes before the page has loaded it.
  const [watching, setWatching] = useState<string | null>(null);
  const cvs = list.data?.me?.cvs ?? [];
  const selected = chosen ?? cvs[0]?.id ?? null;
  const [detail, refetchDetail] = useQuery({
    query: CVQuery,
    variables: { id: selected ?? '' },
    pause: !selected,
    requestPolicy: 'cache-and-network',
  });
  const [, reanalyze] = useMutation(ReanalyzeCVMutation);
  const cv = detail.data?.cv;

  const finished = useCallback(() => {
    refetchDetail({ requestPolicy: 'network-only' });
    refetchList({ requestPolicy: 'network-only' });
  }, [refetchDetail, refetchList]);

  const uploaded = (id: string) => {
    setChosen(id);
    setWatching(id);
    refetchList({ requestPolicy: 'network-only' });
  };

  let body;
  if (list.fetching && !list.data) body = <PageSkeleton label="Loading your CVs" />;
  else if (list.error && !list.data)
    body = (
      <ErrorState
        message={describeError(list.error)}
        onRetry={() => refetchList({ requestPolicy: 'network-only' })}
      />
    );
  else if (!selected)
    body = (
      <EmptyState title="No CV yet">
        Upload your CV above. It is read and analysed on our servers; you see each step as it happens.
      </EmptyState>
    );
  else if (!cv && detail.error)
    body = (
      <ErrorState
        message={describeError(detail.error)}
        onRetry={() => refetchDetail({ requestPolicy: 'network-only' })}
      />
    );
  else if (!cv) body = <PageSkeleton label="Loading the analysis" />;
  else
    body = (
      <div className="flex flex-col gap-4">
        <Card aria-labelledby="cv-file">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <h2 id="cv-file" className="text-base font-semibold">
              {cv.fileName}
            </h2>
            <DeleteCV
              key={cv.id}
              id={cv.id}
              fileName={cv.fileName}
              onDeleted={() => {
                setChosen(null);
                setWatching(null);
              }}
            />
          </div>
          <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
            {cv.fileType} · {cv.pages ? `${cv.pages} page${cv.pages === 1 ? '' : 's'} · ` : ''}
            {Math.ceil(cv.sizeBytes / 1024)} KB · uploaded {formatDateTime(cv.uploadedAt)}
          </p>
          {(running(cv.status) || watching === cv.id) && (
            <AnalysisProgress key={cv.id} cvId={cv.id} onFinished={finished} />
          )}
          {cv.status === 'FAILED' && (
            <ErrorState
              title="The analysis failed"
              message={cv.failure?.message ?? 'The CV could not be analysed.'}
              onRetry={
                cv.failure?.retryable !== false
                  ? async () => {
                      await reanalyze({ id: cv.id });
                      refetchDetail({ requestPolicy: 'network-only' });
                    }
                  : undefined
              }
              retryLabel="Analyse again"
            />
          )}
        </Card>
        {cv.analysis && <AnalysisView a={cv.analysis} />}
        {cv.sections && <WhatWeRead sections={cv.sections} />}
        {cv.status === 'DONE' && cv.sections && cv.analysis && (
          <Corrections
            key={cv.id}
            cvId={cv.id}
            sections={cv.sections}
            skills={cv.analysis.skills}
            corrections={cv.corrections}
            onCorrected={finished}
          />
        )}
      </div>
    );

  return (
    <>
      <PageHeader title="CV">
        <p>Upload your CV to get a score, strengths, weaknesses and the skills it shows.</p>
      </PageHeader>
      <div className="flex flex-col gap-6">
        <UploadCard onUploaded={uploaded} />
        {cvs.length > 1 && (
          <nav aria-label="Your CVs" className="flex flex-wrap gap-2">
            {cvs.map((c) => (
              <Button
                key={c.id}
                variant={c.id === selected ? 'primary' : 'secondary'}
                aria-current={c.id === selected ? 'true' : undefined}
                onClick={() => setChosen(c.id)}
              >
                {c.fileName}
                {c.analysis ? ` (${c.analysis.score})` : ''}
              </Button>
            ))}
          </nav>
        )}
        {body}
      </div>
    </>
  );
}

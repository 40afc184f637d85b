import { useEffect } from 'react';
import { useSubscription } from 'urql';
import { ProgressBar } from '@/components/ui/ProgressBar';
import { CVProgressSubscription, stageLabels } from '../api/cv';

/** Live stages of an analysis (cvAnalysisProgress); calls onFinished at DONE or FAILED. */
export function AnalysisProgress({ cvId, onFinished }: { cvId: string; onFinished: () => void }) {
  const [{ data, error }] = useSubscription({ query: CVProgressSubscription, variables: { cvId } });
  const p = data?.cvAnalysisProgress;
  const final = p?.stage === 'DONE' || p?.stage === 'FAILED';

  useEffect(() => {
    if (final) onFinished();
  }, [final, onFinished]);

  if (error && !p) {
    return (
      <p role="status" className="text-sm">
        Analysing your CV… (live progress is unavailable; this page updates when it is done)
      </p>
    );
  }
  return (
    <div aria-live="polite">
      <ProgressBar
        label="Analysis"
        value={p?.percent ?? 0}
        detail={p ? `${stageLabels[p.stage] ?? p.stage}: ${p.message}` : 'Connecting…'}
        tone={p?.stage === 'FAILED' ? 'error' : p?.stage === 'DONE' ? 'done' : 'normal'}
      />
    </div>
  );
}

import { Link } from 'react-router';
import { Button } from '@/components/ui/Button';
import { EmptyState } from '@/components/ui/States';
import { summarizeCVs } from '../api/cv-summary';

interface CV {
  id: string;
  fileName: string;
  status: string;
  failure?: { message: string } | null;
  analysis?: { score: number; seniority: string } | null;
}

const link = 'text-indigo-700 underline dark:text-indigo-300';

/** The latest successful analysis; newer failed or running uploads are named beside it, never in its place. */
export function LatestCV({ cvs }: { cvs: readonly CV[] }) {
  const { good, failed, running } = summarizeCVs(cvs);
  if (!good && !failed && !running)
    return (
      <EmptyState
        title="No CV yet"
        action={
          <Button asChild variant="secondary">
            <Link to="/cv">Upload your CV</Link>
          </Button>
        }
      >
        Upload your CV to get a score, your skills and courses for your gap.
      </EmptyState>
    );
  return (
    <div className="flex flex-col gap-3 text-sm">
      {good?.analysis && (
        <div className="flex items-center gap-4">
          <p className="text-4xl font-semibold" aria-label={`Score ${good.analysis.score} of 100`}>
            {good.analysis.score}
            <span className="text-base font-normal text-slate-600 dark:text-slate-300">/100</span>
          </p>
          <div>
            <p className="font-medium">{good.fileName}</p>
            <p className="text-slate-700 dark:text-slate-300">
              Seniority: {good.analysis.seniority.toLowerCase()}
            </p>
            <Link to="/cv" className={link}>
              See the analysis
            </Link>
          </div>
        </div>
      )}
      {failed && (
        <p data-testid="dashboard-cv-failed" className="text-red-700 dark:text-red-300">
          {failed.fileName}: the analysis failed. {failed.failure?.message ?? 'The CV could not be analysed.'}
          {good ? ' The score above is from your last CV that was analysed. ' : ' '}
          <Link to="/cv" className={link}>
            Open your CVs
          </Link>
        </p>
      )}
      {running && (
        <p>
          {running.fileName}: being analysed…{' '}
          <Link to="/cv" className={link}>
            Watch it
          </Link>
        </p>
      )}
    </div>
  );
}

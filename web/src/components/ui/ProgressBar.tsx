import { cn } from './cn';

/** A labelled progress bar (0–100) that screen readers announce. */
export function ProgressBar({
  label,
  value,
  detail,
  tone = 'normal',
}: {
  label: string;
  value: number;
  detail?: string;
  tone?: 'normal' | 'error' | 'done';
}) {
  const v = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div className="flex flex-col gap-1">
      <div className="flex justify-between text-sm">
        <span className="font-medium">{label}</span>
        <span aria-hidden="true">{v}%</span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={v}
        aria-valuetext={detail ? `${v}%: ${detail}` : `${v}%`}
        className="h-2.5 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
      >
        <div
          className={cn(
            'h-full rounded-full transition-[width] duration-300',
            tone === 'error'
              ? 'bg-red-600'
              : tone === 'done'
                ? 'bg-emerald-600'
                : 'bg-indigo-600 dark:bg-indigo-400',
          )}
          style={{ width: `${v}%` }}
        />
      </div>
      {detail && <p className="text-sm text-slate-700 dark:text-slate-300">{detail}</p>}
    </div>
  );
}

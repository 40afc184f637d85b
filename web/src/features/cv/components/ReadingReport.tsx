import { Card } from '@/components/ui/Card';

type Props = { confidence: number; unreadParts: { part: string; reason: string }[] };

/**
 * The words for a confidence. The backend takes 0.3 off for an unread
 * experience section, 0.15 for education and 0.05–0.1 for smaller parts, so
 * "high" means at most a small part was missed.
 */
export function confidenceWord(c: number): 'high' | 'medium' | 'low' {
  if (c >= 0.85) return 'high';
  if (c >= 0.6) return 'medium';
  return 'low';
}

/**
 * What the analysis read and what it did not. A measured confidence is
 * never below 0.05 (subgraphs/cv/reading.go clamps it), so 0 with nothing
 * unread is an analysis stored before confidence was measured: we say so
 * instead of showing a false "0".
 */
export function ReadingReport({ confidence, unreadParts }: Props) {
  const measured = confidence > 0 || unreadParts.length > 0;
  return (
    <Card aria-labelledby="cv-reading">
      <h3 id="cv-reading" className="mb-2 font-semibold">
        How well we read your CV
      </h3>
      {measured ? (
        <p className="text-sm" data-testid="cv-confidence">
          We read this CV with {confidenceWord(confidence)} confidence ({confidence.toFixed(2)}).
        </p>
      ) : (
        <p className="text-sm" data-testid="cv-confidence">
          This analysis was made before we measured how well a CV was read. Analyse it again to see what we
          read and what we could not.
        </p>
      )}
      {unreadParts.length > 0 && (
        <section aria-labelledby="cv-unread" className="mt-3">
          <h4 id="cv-unread" className="font-medium">
            What we could not read
          </h4>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
            The analysis claims nothing about these parts. Check that each section has a heading on its own
            line; you can re-upload a text-based PDF or DOCX.
          </p>
          <ul className="mt-2 list-disc pl-5 text-sm">
            {unreadParts.map((u) => (
              <li key={u.part + u.reason} className="break-words">
                <span className="font-medium">{u.part[0]?.toUpperCase() + u.part.slice(1)}</span>: {u.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      {measured && unreadParts.length === 0 && (
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          We found no part of your CV that we could not read.
        </p>
      )}
    </Card>
  );
}

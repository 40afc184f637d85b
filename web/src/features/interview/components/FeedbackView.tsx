import type { SubmitInterviewAnswerMutation } from '@/gql/graphql';

type Attempt = SubmitInterviewAnswerMutation['submitInterviewAnswer'];

/** The review of one answer: three scored dimensions, suggestions and the question's key points. */
export function FeedbackView({ attempt }: { attempt: Attempt }) {
  const f = attempt.feedback;
  const dims = [
    ['Structure (situation, task, action, result)', f.star],
    ['Specificity', f.specificity],
    ['Relevance', f.relevance],
  ] as const;
  return (
    <div
      className="mt-3 flex flex-col gap-2 rounded-md bg-slate-50 p-3 text-sm dark:bg-slate-800"
      aria-live="polite"
    >
      <p className="font-semibold" data-testid="overall">
        Overall: {f.overall} of 5
      </p>
      <dl className="grid gap-2 md:grid-cols-3">
        {dims.map(([label, d]) => (
          <div key={label}>
            <dt className="font-medium">
              {label}: {d.score} of 5
            </dt>
            <dd>
              <ul className="list-disc pl-5">
                {d.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
      {f.suggestions.length > 0 && (
        <>
          <p className="font-medium">Try next time</p>
          <ul className="list-disc pl-5">
            {f.suggestions.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </>
      )}
      {attempt.keyPoints.length > 0 && (
        <>
          <p className="font-medium">What a strong answer covers</p>
          <ul className="list-disc pl-5" aria-label="Key points">
            {attempt.keyPoints.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </>
      )}
      <p className="text-xs text-slate-600 dark:text-slate-300">
        Reviewed by{' '}
        {f.reviewer === 'ai'
          ? 'an AI reviewer'
          : 'the built-in reviewer (rules, no text leaves Career Coach)'}
        .
      </p>
    </div>
  );
}

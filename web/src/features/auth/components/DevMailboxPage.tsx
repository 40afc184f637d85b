import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Button } from '@/components/ui/Button';
import { Notice } from '@/components/ui/Notice';
import { authApi, type DevMail } from '@/lib/auth';
import { describeError } from '@/lib/errors';
import { AuthLayout } from './AuthLayout';
import { formatDateTime } from '@/lib/dates';

const linkClass = 'font-medium break-all text-indigo-700 underline dark:text-indigo-300';

type State =
  | { status: 'loading' }
  | { status: 'absent' }
  | { status: 'error'; message: string }
  | { status: 'ready'; mail: DevMail[] };

/** A link of ours opens in the app itself; anything else is shown as it is. */
function appPath(link: string): string | null {
  try {
    const u = new URL(link, window.location.origin);
    return u.origin === window.location.origin ? u.pathname + u.search + u.hash : null;
  } catch {
    return null;
  }
}

async function readMailbox(): Promise<State> {
  try {
    const mail = await authApi.devMailbox();
    return mail ? { status: 'ready', mail } : { status: 'absent' };
  } catch (err) {
    return { status: 'error', message: describeError(err) };
  }
}

/**
 * `coach dev` has no SMTP server: the mail it would send is kept in memory
 * and listed here, newest first, so sign-up and recovery work offline.
 */
export function DevMailboxPage() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [checked, setChecked] = useState(0);

  const show = useCallback((s: State) => {
    setState(s);
    setChecked((n) => n + 1);
  }, []);

  useEffect(() => {
    let live = true;
    void readMailbox().then((s) => live && show(s));
    return () => {
      live = false;
    };
  }, [show]);

  let body;
  if (state.status === 'loading') body = <p role="status">Loading the mailbox…</p>;
  else if (state.status === 'absent')
    body = (
      <Notice tone="info">
        This server sends real email, so there is no development mailbox. It exists only in{' '}
        <code>coach dev</code> without SMTP settings.
      </Notice>
    );
  else if (state.status === 'error') body = <Notice tone="error">{state.message}</Notice>;
  else
    body = (
      <>
        <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
          {state.mail.length === 0
            ? 'No mail yet.'
            : `${state.mail.length} message${state.mail.length === 1 ? '' : 's'}, newest first.`}
          {checked > 1 && <span className="sr-only"> Checked again.</span>}
        </p>
        <ol className="flex flex-col gap-4">
          {state.mail.map((m) => (
            <li key={m.id}>
              <article
                aria-labelledby={`mail-${m.id}`}
                className="rounded-md border border-slate-200 p-4 dark:border-slate-700"
              >
                <h2 id={`mail-${m.id}`} className="text-base font-semibold break-words">
                  {m.subject}
                </h2>
                <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
                  To <span className="break-all">{m.to}</span> ·{' '}
                  <time dateTime={m.sentAt}>{formatDateTime(m.sentAt)}</time>
                </p>
                {m.links.length > 0 && (
                  <ul className="mt-3 flex flex-col gap-1 text-sm" aria-label={`Links in "${m.subject}"`}>
                    {m.links.map((l) => {
                      const path = appPath(l);
                      return (
                        <li key={l}>
                          {path ? (
                            <Link to={path} className={linkClass}>
                              {l}
                            </Link>
                          ) : (
                            <a href={l} className={linkClass}>
                              {l}
                            </a>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                )}
                <details className="mt-3 text-sm">
                  <summary className="cursor-pointer">Full text</summary>
                  <pre className="mt-2 font-sans text-sm break-words whitespace-pre-wrap">{m.text}</pre>
                </details>
              </article>
            </li>
          ))}
        </ol>
      </>
    );

  return (
    <AuthLayout title="Development mailbox" wide>
      <div className="flex flex-col gap-4">
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Mail this development server would have sent. Follow a link to verify an address or reset a
          password.
        </p>
        <div className="flex flex-wrap gap-3">
          <Button variant="secondary" onClick={() => void readMailbox().then(show)}>
            Check for new mail
          </Button>
          <Button variant="ghost" asChild>
            <Link to="/">Back to Career Coach</Link>
          </Button>
        </div>
        {body}
      </div>
    </AuthLayout>
  );
}

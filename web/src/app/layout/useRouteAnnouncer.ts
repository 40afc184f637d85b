import { useEffect, useLayoutEffect } from 'react';
import { useLocation, useMatches } from 'react-router';
import { cancelHeadingFocus, isHeadingFocusPending, requestHeadingFocus } from '@/lib/focus';

/**
 * After a client-side navigation: sets document.title from the route's
 * handle.title and moves focus to the new page's h1 (or <main> if it has
 * none), so keyboard and screen-reader users land on the new page.
 */
// Module-wide, so moving between layouts (sign-in page → app shell) counts
// as a navigation too; only the first page of a visit keeps the browser's focus.
let lastPath: string | null = null;

export function useRouteAnnouncer(): string {
  const matches = useMatches();
  const location = useLocation();
  const title =
    [...matches]
      .reverse()
      .map((m) => (m.handle as { title?: string } | undefined)?.title)
      .find(Boolean) ?? 'Career Coach';

  useEffect(() => {
    document.title = title === 'Career Coach' ? title : `${title} · Career Coach`;
  }, [title]);

  // A layout effect: it runs before the new page's passive effects, where
  // its heading looks for the request.
  useLayoutEffect(() => {
    const prev = lastPath;
    lastPath = location.pathname;
    if (prev === null || prev === location.pathname) return;
    requestHeadingFocus();
    const id = setTimeout(() => {
      if (isHeadingFocusPending()) {
        cancelHeadingFocus();
        document.getElementById('main')?.focus();
      }
    }, 2000);
    return () => clearTimeout(id);
  }, [location.pathname]);

  return title;
}

import { useEffect, type RefObject } from 'react';

// Focus after navigation: the router marks that a new page is coming; the
// new page's heading takes focus when it mounts (lazy pages mount late, and
// the old page's heading must not get it).
let pending = false;

export function requestHeadingFocus(): void {
  pending = true;
}

export function isHeadingFocusPending(): boolean {
  return pending;
}

export function cancelHeadingFocus(): void {
  pending = false;
}

/** Used by page headings: take the focus if a navigation asked for it. */
export function useHeadingFocus(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (pending && ref.current) {
      pending = false;
      ref.current.focus();
    }
  }, [ref]);
}

/**
 * After a submit that found mistakes (`attempt` counts them): focus the
 * first invalid field, whose error its aria-describedby reads out.
 */
export function useFocusFirstInvalid(form: RefObject<HTMLFormElement | null>, attempt: number): void {
  useEffect(() => {
    if (attempt > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, attempt]);
}

/**
 * Links such as /goals#goal-42 point at one item of a page that loads its data: once `ready`, the
 * element the hash names is scrolled to and takes the focus (so keyboard and screen-reader users
 * land there too), once per navigation (`navKey`, the location's key: following the same link again
 * goes there again).
 */
export function useHashTarget(hash: string, ready: boolean, navKey?: string): void {
  useEffect(() => {
    if (!ready || hash.length < 2) return;
    const el = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!el) return;
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
    el.scrollIntoView?.({ block: 'start' });
    el.focus();
  }, [hash, ready, navKey]);
}

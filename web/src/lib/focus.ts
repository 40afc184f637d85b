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

import { useSyncExternalStore } from 'react';

// Colour theme: the system's by default, or the one the person picked
// (kept in localStorage; public/theme-init.js applies it before first paint).

export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'coach-theme';
const listeners = new Set<() => void>();

function media(): MediaQueryList | null {
  return typeof window !== 'undefined' && window.matchMedia
    ? window.matchMedia('(prefers-color-scheme: dark)')
    : null;
}

export function getTheme(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

export function applyTheme(choice: ThemeChoice = getTheme()): void {
  const dark = choice === 'dark' || (choice === 'system' && !!media()?.matches);
  document.documentElement.classList.toggle('dark', dark);
}

export function setTheme(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, choice);
  } catch {
    /* storage blocked: the choice lasts for this page only */
  }
  applyTheme(choice);
  for (const fn of listeners) fn();
}

/** Follows the system setting while the choice is "system". */
export function watchSystemTheme(): () => void {
  const m = media();
  if (!m) return () => {};
  const on = () => {
    if (getTheme() === 'system') applyTheme('system');
  };
  m.addEventListener('change', on);
  return () => m.removeEventListener('change', on);
}

function subscribe(fn: () => void) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function useTheme(): ThemeChoice {
  return useSyncExternalStore(subscribe, getTheme, () => 'system');
}

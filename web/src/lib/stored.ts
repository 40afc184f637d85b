/**
 * Small JSON values kept in localStorage, so work in progress (a quiz's
 * choices, an interview draft) survives a reload. Storage may be full,
 * disabled or hold something else under the key: every failure reads as
 * "nothing stored" and never throws.
 */
export function readStored<T>(key: string, valid: (v: unknown) => v is T): T | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (raw === null) return null;
    const v: unknown = JSON.parse(raw);
    return valid(v) ? v : null;
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* full or disabled: the work stays in memory only */
  }
}

export function removeStored(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    /* nothing to remove */
  }
}

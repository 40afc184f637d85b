import type { Cache } from '@urql/exchange-graphcache';

// graphcache does not drop deleted entities from the lists that hold them
// (NOTES.md): these take them out, so every page that lists them is right at
// once, and then invalidate the entity so nothing still shows it.

const without = (list: unknown, key: string | null) =>
  Array.isArray(list) ? (list as (string | null)[]).filter((k) => k !== key) : null;

/** Removes a deleted CV from the user's CV list and from latestCV. */
export function removeCV(cache: Cache, id: string) {
  const key = cache.keyOfEntity({ __typename: 'CV', id });
  const me = cache.resolve('Query', 'me');
  if (typeof me === 'string') {
    const left = without(cache.resolve(me, 'cvs'), key);
    if (left) cache.link(me, 'cvs', left);
    if (cache.resolve(me, 'latestCV') === key) {
      // The next newest is the latest now; unknown when the list is not cached.
      if (left) cache.link(me, 'latestCV', left[0] ?? null);
      else cache.invalidate(me, 'latestCV');
    }
  }
  if (key) cache.invalidate(key);
}

/** Removes a deleted milestone from its goal's list (whichever goal of the user holds it). */
export function removeMilestone(cache: Cache, id: string) {
  const key = cache.keyOfEntity({ __typename: 'Milestone', id });
  const me = cache.resolve('Query', 'me');
  const goals = typeof me === 'string' ? cache.resolve(me, 'goals') : null;
  for (const goal of Array.isArray(goals) ? goals : []) {
    if (typeof goal !== 'string') continue;
    const list = cache.resolve(goal, 'milestones');
    const left = without(list, key);
    if (left && Array.isArray(list) && left.length !== list.length) {
      cache.link(goal, 'milestones', left);
      // The goal's percentage changes with its milestones: ask the server.
      cache.invalidate(goal, 'progressPercent');
    }
  }
  if (key) cache.invalidate(key);
}

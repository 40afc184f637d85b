import type { Cache } from '@urql/exchange-graphcache';
import { describe, expect, it } from 'vitest';
import { removeCV, removeMilestone } from './cache-lists';

type Fields = Record<string, Record<string, unknown>>;

/** A Cache over plain records that logs what was invalidated. */
function fakeCache(fields: Fields) {
  const invalidated: string[] = [];
  const cache = {
    keyOfEntity: (e: { __typename: string; id: string }) => `${e.__typename}:${e.id}`,
    resolve: (entity: string, field: string) => fields[entity]?.[field] ?? null,
    link: (entity: string, field: string, to: unknown) => {
      fields[entity] = { ...fields[entity], [field]: to };
    },
    invalidate: (entity: string, field?: string) => {
      invalidated.push(field ? `${entity}.${field}` : entity);
    },
  } as unknown as Cache;
  return { cache, fields, invalidated };
}

describe('removeCV', () => {
  it('takes the CV out of the list and makes the next newest the latest', () => {
    const c = fakeCache({
      Query: { me: 'User:u1' },
      'User:u1': { cvs: ['CV:3', 'CV:2', 'CV:1'], latestCV: 'CV:3' },
    });
    removeCV(c.cache, '3');
    expect(c.fields['User:u1']).toEqual({ cvs: ['CV:2', 'CV:1'], latestCV: 'CV:2' });
    expect(c.invalidated).toEqual(['CV:3']);
  });

  it('leaves latestCV alone when an older CV goes', () => {
    const c = fakeCache({
      Query: { me: 'User:u1' },
      'User:u1': { cvs: ['CV:3', 'CV:2'], latestCV: 'CV:3' },
    });
    removeCV(c.cache, '2');
    expect(c.fields['User:u1']).toEqual({ cvs: ['CV:3'], latestCV: 'CV:3' });
  });

  it('the last CV gone leaves no latest CV', () => {
    const c = fakeCache({ Query: { me: 'User:u1' }, 'User:u1': { cvs: ['CV:1'], latestCV: 'CV:1' } });
    removeCV(c.cache, '1');
    expect(c.fields['User:u1']).toEqual({ cvs: [], latestCV: null });
  });

  it('without a cached list, latestCV is asked again', () => {
    const c = fakeCache({ Query: { me: 'User:u1' }, 'User:u1': { latestCV: 'CV:1' } });
    removeCV(c.cache, '1');
    expect(c.invalidated).toEqual(['User:u1.latestCV', 'CV:1']);
  });
});

describe('removeMilestone', () => {
  it('takes the milestone out of the goal that holds it and refreshes that goal’s percentage', () => {
    const c = fakeCache({
      Query: { me: 'User:u1' },
      'User:u1': { goals: ['CareerGoal:g1', 'CareerGoal:g2'] },
      'CareerGoal:g1': { milestones: ['Milestone:a'] },
      'CareerGoal:g2': { milestones: ['Milestone:b', 'Milestone:c'] },
    });
    removeMilestone(c.cache, 'b');
    expect(c.fields['CareerGoal:g1']?.milestones).toEqual(['Milestone:a']);
    expect(c.fields['CareerGoal:g2']?.milestones).toEqual(['Milestone:c']);
    expect(c.invalidated).toEqual(['CareerGoal:g2.progressPercent', 'Milestone:b']);
  });
});

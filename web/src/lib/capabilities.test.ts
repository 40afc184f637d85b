import { describe, expect, it } from 'vitest';
import { schemaFields } from '@/gql/schema-fields';
import { hasFields, missingFields } from './capabilities';
import { capabilities } from './services';

describe('capabilities', () => {
  it('reads the fields of the schema the app was built against', () => {
    expect(schemaFields.has('Query.me')).toBe(true);
    expect(schemaFields.has('Mutation.updateProfile')).toBe(true);
    expect(schemaFields.has('User.doesNotExist')).toBe(false);
  });

  it('the profile pages API is present (they are built on it)', () => {
    expect(missingFields(capabilities.profile.fields)).toEqual([]);
  });

  it('tells present from missing fields', () => {
    const known = new Set(['User.cvs', 'User.latestCV']);
    expect(hasFields(['User.cvs'], known)).toBe(true);
    expect(hasFields(['User.cvs', 'Subscription.cvAnalysisProgress'], known)).toBe(false);
    expect(missingFields(['User.cvs', 'Subscription.cvAnalysisProgress'], known)).toEqual([
      'Subscription.cvAnalysisProgress',
    ]);
  });
});

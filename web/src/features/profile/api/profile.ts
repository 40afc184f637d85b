import { graphql } from '@/gql';

export const ProfileQuery = graphql(`
  query Profile {
    me {
      id
      email
      displayName
      avatarUrl
      headline
      location
      createdAt
      identities {
        provider
        email
        linkedAt
      }
    }
  }
`);

export const UpdateProfileMutation = graphql(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      id
      displayName
      avatarUrl
      headline
      location
    }
  }
`);

export const DeleteAccountMutation = graphql(`
  mutation DeleteAccount {
    deleteAccount
  }
`);

// Limits of the users service (subgraphs/users/validate.go).
export const limits = { displayName: 80, headline: 160, location: 120, avatarUrl: 2048 } as const;

export interface ProfileValues {
  displayName: string;
  headline: string;
  location: string;
  avatarUrl: string;
}

/** Field errors found before sending; the server checks again. */
export function validateProfile(v: ProfileValues): Partial<Record<keyof ProfileValues, string>> {
  const errs: Partial<Record<keyof ProfileValues, string>> = {};
  if (!v.displayName.trim()) errs.displayName = 'Enter your name.';
  for (const k of Object.keys(limits) as (keyof ProfileValues)[]) {
    if ([...v[k].trim()].length > limits[k]) errs[k] = `Use at most ${limits[k]} characters.`;
  }
  const url = v.avatarUrl.trim();
  if (url && !errs.avatarUrl) {
    try {
      const u = new URL(url);
      if (u.protocol !== 'https:' || !u.host) errs.avatarUrl = 'Use an https:// address of an image.';
    } catch {
      errs.avatarUrl = 'Use an https:// address of an image.';
    }
  }
  return errs;
}

/** Only the fields that changed, so the update never overwrites what it did not touch. */
export function changedFields(before: ProfileValues, after: ProfileValues): Partial<ProfileValues> {
  const out: Partial<ProfileValues> = {};
  for (const k of Object.keys(before) as (keyof ProfileValues)[]) {
    if (before[k].trim() !== after[k].trim()) out[k] = after[k].trim();
  }
  return out;
}

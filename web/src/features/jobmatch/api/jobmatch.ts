import { graphql } from '@/gql';

/** The server's limits on a pasted ad (subgraphs/planning/jobtarget.go). */
export const MAX_AD_BYTES = 30_000;
export const MAX_TITLE = 200;

// The whole breakdown; spread into MatchJob (no fragment masking here).
graphql(`
  fragment JobMatchFields on JobMatch {
    score
    coverage
    title
    skillsUpdatedAt
    occupation {
      code
      title
      confidence
      how
    }
    parts {
      part
      weight
      points
      scored
      reasons
    }
    requirements {
      kind
      name
      required
      part
      status
      sentence
      reason
      advice
      gain
      evidence {
        source
        level
      }
      courses {
        id
        title
      }
    }
  }
`);

export const MatchJobQuery = graphql(`
  query MatchJob($input: JobAdInput!) {
    matchJob(input: $input) {
      ...JobMatchFields
    }
  }
`);

export const JobTargetsQuery = graphql(`
  query JobTargets {
    jobTargets {
      id
      title
      company
      status
      createdAt
      history {
        status
        at
      }
      match {
        score
        coverage
      }
    }
  }
`);

export const SaveJobTargetMutation = graphql(`
  mutation SaveJobTarget($input: JobAdInput!) {
    saveJobTarget(input: $input) {
      id
      status
    }
  }
`);

export const SetJobTargetStatusMutation = graphql(`
  mutation SetJobTargetStatus($id: ID!, $status: JobTargetStatus!) {
    setJobTargetStatus(id: $id, status: $status) {
      id
      status
      history {
        status
        at
      }
    }
  }
`);

export const DeleteJobTargetMutation = graphql(`
  mutation DeleteJobTarget($id: ID!) {
    deleteJobTarget(id: $id)
  }
`);

/** Checks a pasted ad as the server will, so the user hears it before sending. */
export function checkAd(text: string, title: string, company: string): string | null {
  if (text.trim() === '') return 'Paste the text of the job ad.';
  if (new TextEncoder().encode(text).length > MAX_AD_BYTES)
    return `The ad is over ${MAX_AD_BYTES.toLocaleString('en')} bytes: paste the ad without the rest of the page.`;
  if ([...title].length > MAX_TITLE || [...company].length > MAX_TITLE)
    return `The title and company must be at most ${MAX_TITLE} characters.`;
  return null;
}

export const statusLabels = {
  INTERESTED: 'Interested',
  APPLIED: 'Applied',
  INTERVIEWING: 'Interviewing',
  OFFER: 'Offer',
  REJECTED: 'Rejected',
} as const;

export const partLabels = {
  HARD_SKILLS: 'Hard skills',
  SOFT_SKILLS: 'Soft skills',
  TITLE: 'Job title',
  EXPERIENCE: 'Experience',
  EDUCATION: 'Education',
  CERTIFICATIONS: 'Certifications',
  LANGUAGES: 'Languages',
} as const;

export const requirementStatusLabels = {
  MET: 'Met',
  PARTLY_MET: 'Partly met',
  MISSING: 'Missing',
  UNKNOWN: 'Cannot tell',
} as const;

/** The requirements in the order worth reading: what to act on first, by gain. */
export function byAction<T extends { status: string; gain: number; required: boolean }>(items: T[]): T[] {
  const rank: Record<string, number> = { MISSING: 0, PARTLY_MET: 1, UNKNOWN: 2, MET: 3 };
  return [...items].sort(
    (a, b) =>
      (rank[a.status] ?? 4) - (rank[b.status] ?? 4) ||
      b.gain - a.gain ||
      Number(b.required) - Number(a.required),
  );
}

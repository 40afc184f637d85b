import { graphql } from '@/gql';

export const MyCVsQuery = graphql(`
  query MyCVs {
    me {
      id
      cvs {
        id
        fileName
        uploadedAt
        status
        analysis {
          score
        }
      }
    }
  }
`);

export const CVQuery = graphql(`
  query CVDetail($id: ID!) {
    cv(id: $id) {
      id
      fileName
      sizeBytes
      fileType
      uploadedAt
      status
      pages
      failure {
        code
        message
        retryable
      }
      sections {
        contact {
          location
        }
        spokenLanguages {
          name
          level
        }
        certificationEntries {
          name
          issuer
          date
        }
        awards {
          name
          date
        }
        headings {
          line
          kind
          corrected
        }
        experience {
          ref
          corrected
          title
          company
          startDate
          endDate
          current
        }
      }
      corrections {
        ...CVCorrectionsParts
      }
      analysis {
        score
        scoreReasons {
          aspect
          points
          maxPoints
          comment
        }
        strengths
        weaknesses
        suggestions
        seniority
        suggestedRoles {
          title
          reason
        }
        skills {
          name
          category
          level
          years
          source
          evidence {
            snippet
            where
          }
        }
        confidence
        unreadParts {
          part
          reason
        }
        engine
        analysedAt
      }
    }
  }
`);

export const CVCorrectionsFragment = graphql(`
  fragment CVCorrectionsParts on CVCorrections {
    removedSkills
    addedSkills {
      name
      level
    }
    headings {
      line
      kind
      applied
    }
    entries {
      ref
      title
      company
      startDate
      endDate
      current
      applied
    }
    updatedAt
  }
`);

export const CorrectCVMutation = graphql(`
  mutation CorrectCV($id: ID!, $corrections: CVCorrectionsInput!) {
    correctCV(id: $id, corrections: $corrections) {
      id
    }
  }
`);

export const UploadCVMutation = graphql(`
  mutation UploadCV($file: Upload!) {
    uploadCV(file: $file) {
      id
      fileName
      status
    }
  }
`);

export const ReanalyzeCVMutation = graphql(`
  mutation ReanalyzeCV($id: ID!) {
    reanalyzeCV(id: $id) {
      id
      status
    }
  }
`);

export const DeleteCVMutation = graphql(`
  mutation DeleteCV($id: ID!) {
    deleteCV(id: $id)
  }
`);

export const CVProgressSubscription = graphql(`
  subscription CVProgress($cvId: ID!) {
    cvAnalysisProgress(cvId: $cvId) {
      cvId
      stage
      percent
      message
      error
    }
  }
`);

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Checks a chosen file before uploading it; the server checks the content again. */
export function checkCVFile(f: { name: string; size: number }): string | null {
  if (!/\.(pdf|docx)$/i.test(f.name)) return 'Choose a PDF or Word (.docx) file.';
  if (f.size === 0) return 'That file is empty.';
  if (f.size > MAX_UPLOAD_BYTES) return 'That file is larger than 10 MB.';
  return null;
}

export const stageLabels: Record<string, string> = {
  QUEUED: 'Waiting to start',
  EXTRACTING: 'Reading the text',
  PARSING: 'Finding the sections',
  ANALYZING: 'Analysing',
  DONE: 'Done',
  FAILED: 'Failed',
};

/** The kinds a heading can be given, in the order the form offers them. */
export const sectionKindLabels: Record<string, string> = {
  EXPERIENCE: 'Experience',
  EDUCATION: 'Education',
  SKILLS: 'Skills',
  SUMMARY: 'Summary',
  PROJECTS: 'Projects',
  CERTIFICATIONS: 'Certifications',
  AWARDS: 'Awards',
  LANGUAGES: 'Languages',
  PUBLICATIONS: 'Publications',
  INTERESTS: 'Interests',
  REFERENCES: 'References',
  CONTACT: 'Contact details',
  OTHER: 'Other',
  NOT_A_HEADING: 'Not a heading',
};

export const levelNames = ['', 'awareness', 'beginner', 'working', 'advanced', 'expert'];

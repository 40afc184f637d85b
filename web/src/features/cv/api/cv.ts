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

export const levelNames = ['', 'awareness', 'beginner', 'working', 'advanced', 'expert'];

import { ApiPending } from '@/components/ui/ApiPending';
import { PageHeader } from '@/components/ui/PageHeader';
import { capabilities } from '@/lib/services';

// Waits for its service's API; build the page here (api/ for documents,
// components/ for the UI) when the fields land in schema/api.graphql.
export function AssessmentsPage() {
  return (
    <>
      <PageHeader title="Skills assessment">
        <p>Rate your skills, take quizzes and follow your levels over time.</p>
      </PageHeader>
      <ApiPending capability={capabilities.assessments} what="Skills assessment" />
    </>
  );
}

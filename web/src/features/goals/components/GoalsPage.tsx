import { ApiPending } from '@/components/ui/ApiPending';
import { PageHeader } from '@/components/ui/PageHeader';
import { capabilities } from '@/lib/services';

// Waits for its service's API; build the page here (api/ for documents,
// components/ for the UI) when the fields land in schema/api.graphql.
export function GoalsPage() {
  return (
    <>
      <PageHeader title="Career goals">
        <p>Set goals, break them into milestones and follow your progress.</p>
      </PageHeader>
      <ApiPending capability={capabilities.goals} what="Career goals" />
    </>
  );
}

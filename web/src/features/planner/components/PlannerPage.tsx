import { ApiPending } from '@/components/ui/ApiPending';
import { PageHeader } from '@/components/ui/PageHeader';
import { capabilities } from '@/lib/services';

// Waits for its service's API; build the page here (api/ for documents,
// components/ for the UI) when the fields land in schema/api.graphql.
export function PlannerPage() {
  return (
    <>
      <PageHeader title="Career path planner">
        <p>Pick a target role and see the path and your skill gap.</p>
      </PageHeader>
      <ApiPending capability={capabilities.planner} what="Career path planner" />
    </>
  );
}

import { ApiPending } from '@/components/ui/ApiPending';
import { PageHeader } from '@/components/ui/PageHeader';
import { capabilities } from '@/lib/services';

// Waits for its service's API; build the page here (api/ for documents,
// components/ for the UI) when the fields land in schema/api.graphql.
export function CoursesPage() {
  return (
    <>
      <PageHeader title="Courses">
        <p>Courses ranked for your skill gap, and the whole catalogue to search.</p>
      </PageHeader>
      <ApiPending capability={capabilities.courses} what="Course recommendations" />
    </>
  );
}

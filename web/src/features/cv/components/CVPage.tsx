import { ApiPending } from '@/components/ui/ApiPending';
import { PageHeader } from '@/components/ui/PageHeader';
import { capabilities } from '@/lib/services';

// Waits for its service's API; build the page here (api/ for documents,
// components/ for the UI) when the fields land in schema/api.graphql.
export function CVPage() {
  return (
    <>
      <PageHeader title="CV">
        <p>Upload your CV to get a score, strengths, weaknesses and the skills it shows.</p>
      </PageHeader>
      <ApiPending capability={capabilities.cv} what="CV upload and analysis" />
    </>
  );
}

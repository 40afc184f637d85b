import { ApiPending } from '@/components/ui/ApiPending';
import { PageHeader } from '@/components/ui/PageHeader';
import { capabilities } from '@/lib/services';

// Waits for its service's API; build the page here (api/ for documents,
// components/ for the UI) when the fields land in schema/api.graphql.
export function InterviewPage() {
  return (
    <>
      <PageHeader title="Interview prep">
        <p>Practise questions for your role and skills and get feedback on your answers.</p>
      </PageHeader>
      <ApiPending capability={capabilities.interview} what="Interview practice" />
    </>
  );
}

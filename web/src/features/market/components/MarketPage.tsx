import { ApiPending } from '@/components/ui/ApiPending';
import { PageHeader } from '@/components/ui/PageHeader';
import { capabilities } from '@/lib/services';

// Waits for its service's API; build the page here (api/ for documents,
// components/ for the UI) when the fields land in schema/api.graphql.
export function MarketPage() {
  return (
    <>
      <PageHeader title="Job market insights">
        <p>Pay ranges, growth and the most asked-for skills of the roles you consider.</p>
      </PageHeader>
      <ApiPending capability={capabilities.market} what="Job market insights" />
    </>
  );
}

import { hasFields, missingFields, type Capability } from '@/lib/capabilities';
import { EmptyState } from './States';

/**
 * The honest state of a page or section whose API is not part of this
 * build's schema: it says which service it waits for and shows no data.
 */
export function ApiPending({
  capability,
  what,
  known,
}: {
  capability: Capability;
  what: string;
  known?: ReadonlySet<string>;
}) {
  const present = hasFields(capability.fields, known);
  return (
    <EmptyState title={present ? `${what}: coming soon` : `${what}: not available yet`}>
      {present ? (
        <p>The {capability.service} service is live; this part of the app is still being built.</p>
      ) : (
        <p>
          This needs the {capability.service} service, which is not part of this installation yet (missing{' '}
          {missingFields(capability.fields, known).length} API fields). Nothing here is shown until it is.
        </p>
      )}
    </EmptyState>
  );
}

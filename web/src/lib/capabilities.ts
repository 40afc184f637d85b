import { schemaFields } from '@/gql/schema-fields';

// Which parts of the API exist is decided by the schema the app was built
// against (schema/api.graphql). A page whose fields are missing shows that its
// service is not available yet instead of showing anything made up.

export interface Capability {
  /** The service that owns these fields, as people would say it. */
  service: string;
  /** Schema coordinates (Type.field) the page needs. */
  fields: readonly string[];
}

export function hasFields(fields: readonly string[], known: ReadonlySet<string> = schemaFields): boolean {
  return fields.every((f) => known.has(f));
}

export function missingFields(
  fields: readonly string[],
  known: ReadonlySet<string> = schemaFields,
): string[] {
  return fields.filter((f) => !known.has(f));
}

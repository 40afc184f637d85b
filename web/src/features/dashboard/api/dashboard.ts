import { graphql } from '@/gql';

export const DashboardMeQuery = graphql(`
  query DashboardMe {
    me {
      id
      displayName
      headline
      location
      avatarUrl
    }
  }
`);

export interface ProfileBits {
  headline?: string | null;
  location?: string | null;
  avatarUrl?: string | null;
}

/** What is still missing from a profile, as steps a person can take. */
export function profileTodo(me: ProfileBits): string[] {
  const todo: string[] = [];
  if (!me.headline) todo.push('Add a headline');
  if (!me.location) todo.push('Add your location');
  if (!me.avatarUrl) todo.push('Add a photo');
  return todo;
}

import { graphql } from '@/gql';

export const UpdateMilestoneMutation = graphql(`
  mutation UpdateMilestone($id: ID!, $input: MilestoneUpdateInput!) {
    updateMilestone(id: $id, input: $input) {
      id
      title
      dueDate
      overdue
    }
  }
`);

export const DeleteMilestoneMutation = graphql(`
  mutation DeleteMilestone($id: ID!) {
    deleteMilestone(id: $id)
  }
`);

/** The server's limit on a milestone title (subgraphs/progress MaxTitleLen). */
export const MAX_MILESTONE_TITLE = 200;

/**
 * Checks an edited milestone and returns the update to send: the trimmed title
 * and the due date, where "" clears it (as the API does).
 */
export function milestoneEdit(
  title: string,
  due: string,
): { error: string } | { input: { title: string; dueDate: string } } {
  const t = title.trim();
  const n = [...t].length;
  if (n === 0) return { error: 'Give the milestone a title.' };
  if (n > MAX_MILESTONE_TITLE) return { error: `Use at most ${MAX_MILESTONE_TITLE} characters.` };
  if (due !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(due)) return { error: 'Enter the due date as a full date.' };
  return { input: { title: t, dueDate: due } };
}

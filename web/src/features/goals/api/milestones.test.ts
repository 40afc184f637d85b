import { describe, expect, it } from 'vitest';
import { milestoneEdit } from './milestones';

describe('milestoneEdit', () => {
  const cases = [
    {
      name: 'trims the title and keeps the date',
      title: '  Ship it ',
      due: '2027-02-01',
      want: { input: { title: 'Ship it', dueDate: '2027-02-01' } },
    },
    {
      name: 'an empty date clears it',
      title: 'Ship it',
      due: '',
      want: { input: { title: 'Ship it', dueDate: '' } },
    },
    {
      name: 'a blank title is refused',
      title: '   ',
      due: '',
      want: { error: 'Give the milestone a title.' },
    },
    {
      name: 'a title over 200 characters is refused',
      title: 'é'.repeat(201),
      due: '',
      want: { error: 'Use at most 200 characters.' },
    },
    {
      name: '200 characters (not bytes) are fine',
      title: 'é'.repeat(200),
      due: '',
      want: { input: { title: 'é'.repeat(200), dueDate: '' } },
    },
    {
      name: 'a partial date is refused',
      title: 'Ship it',
      due: '2027-02',
      want: { error: 'Enter the due date as a full date.' },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(milestoneEdit(c.title, c.due)).toEqual(c.want);
    });
  }
});

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Button } from '@/components/ui/Button';
import { ConfirmDialog } from '@/components/ui/ConfirmDialog';
import { Field } from '@/components/ui/Field';
import { useToast } from '@/components/ui/Toast';
import { formatDate } from '@/lib/dates';
import { describeError } from '@/lib/errors';
import {
  DeleteMilestoneMutation,
  MAX_MILESTONE_TITLE,
  milestoneEdit,
  UpdateMilestoneMutation,
} from '../api/milestones';

interface Milestone {
  id: string;
  title: string;
  dueDate?: string | null;
  achieved: boolean;
  overdue: boolean;
}

/** One milestone: tick it, edit its title and due date in place, or delete it after a confirmation. */
export function MilestoneItem({
  m,
  onToggle,
  onChanged,
}: {
  m: Milestone;
  onToggle: (achieved: boolean) => void;
  onChanged: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(m.title);
  const [due, setDue] = useState(m.dueDate ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saveState, save] = useMutation(UpdateMilestoneMutation);
  const [delState, del] = useMutation(DeleteMilestoneMutation);
  const toast = useToast();
  // The Edit button disappears while editing: focus moves to the title field
  // and back to Edit afterwards, so keyboard users keep their place.
  const form = useRef<HTMLFormElement>(null);
  const actions = useRef<HTMLSpanElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    if (editing) form.current?.querySelector('input')?.focus();
    else if (wasEditing.current) actions.current?.querySelector('button')?.focus();
    wasEditing.current = editing;
  }, [editing]);

  function startEditing() {
    setTitle(m.title);
    setDue(m.dueDate ?? '');
    setError(null);
    setEditing(true);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const edit = milestoneEdit(title, due);
    if ('error' in edit) return setError(edit.error);
    const res = await save({ id: m.id, input: edit.input });
    if (res.error) return setError(describeError(res.error));
    setEditing(false);
    onChanged();
  }

  if (editing)
    return (
      <li className="text-sm">
        <form
          ref={form}
          onSubmit={submit}
          aria-label={`Edit milestone ${m.title}`}
          className="flex flex-wrap items-end gap-3"
          noValidate
        >
          <Field
            label="Milestone title"
            value={title}
            maxLength={MAX_MILESTONE_TITLE}
            onChange={(e) => setTitle(e.target.value)}
          />
          <Field
            label="Due date (empty for none)"
            type="date"
            value={due}
            onChange={(e) => setDue(e.target.value)}
          />
          <Button type="submit" busy={saveState.fetching}>
            {saveState.fetching ? 'Saving…' : 'Save'}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setEditing(false)}>
            Cancel
          </Button>
          {error && (
            <p role="alert" className="w-full text-red-700 dark:text-red-300">
              {error}
            </p>
          )}
        </form>
      </li>
    );

  return (
    <li className="flex flex-wrap items-center gap-2 text-sm">
      <input
        id={`ms-${m.id}`}
        type="checkbox"
        checked={m.achieved}
        onChange={(e) => onToggle(e.target.checked)}
        className="h-4 w-4"
      />
      <label htmlFor={`ms-${m.id}`} className={m.achieved ? 'line-through' : ''}>
        {m.title}
      </label>
      {m.dueDate && (
        <span className={m.overdue ? 'text-red-700 dark:text-red-300' : 'text-slate-600 dark:text-slate-300'}>
          {m.overdue ? 'overdue, was due' : 'due'} {formatDate(m.dueDate)}
        </span>
      )}
      <span ref={actions} className="ml-auto flex gap-1">
        {/* The milestone's name in hidden text, not aria-label: the buttons are
            named "Edit <title>" without labelling anything as the milestone. */}
        <Button variant="ghost" onClick={startEditing}>
          Edit<span className="sr-only"> {m.title}</span>
        </Button>
        <ConfirmDialog
          trigger={
            <Button variant="ghost">
              Delete<span className="sr-only"> {m.title}</span>…
            </Button>
          }
          title={`Delete the milestone “${m.title}”?`}
          description="This cannot be undone."
          confirmLabel={delState.fetching ? 'Deleting…' : 'Delete milestone'}
          busy={delState.fetching}
          onConfirm={async () => {
            const res = await del({ id: m.id });
            if (res.error)
              toast({
                title: 'The milestone was not deleted',
                description: describeError(res.error),
                variant: 'error',
              });
            onChanged();
          }}
        />
      </span>
    </li>
  );
}

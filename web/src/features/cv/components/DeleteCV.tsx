import { useState } from 'react';
import { useMutation } from 'urql';
import { Button } from '@/components/ui/Button';
import { ConfirmDialog } from '@/components/ui/ConfirmDialog';
import { useToast } from '@/components/ui/Toast';
import { describeError } from '@/lib/errors';
import { DeleteCVMutation } from '../api/cv';

/** Deletes a CV after a confirmation; the cache drops it from every list (lib/cache-lists). */
export function DeleteCV({
  id,
  fileName,
  onDeleted,
}: {
  id: string;
  fileName: string;
  onDeleted: () => void;
}) {
  const [{ fetching }, del] = useMutation(DeleteCVMutation);
  const toast = useToast();
  // Closed by hand on success: the page then shows the next CV, and the
  // question must not stay open about that one.
  const [open, setOpen] = useState(false);
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={setOpen}
      trigger={<Button variant="ghost">Delete CV…</Button>}
      title={`Delete “${fileName}”?`}
      description="The file and its analysis are deleted. This cannot be undone."
      confirmLabel={fetching ? 'Deleting…' : 'Delete CV'}
      busy={fetching}
      onConfirm={async () => {
        const res = await del({ id });
        if (res.error || !res.data?.deleteCV) {
          toast({
            title: 'The CV was not deleted',
            description: res.error ? describeError(res.error) : 'It no longer exists. Reload the page.',
            variant: 'error',
          });
          return;
        }
        setOpen(false);
        toast({ title: `${fileName} deleted`, variant: 'success' });
        onDeleted();
      }}
    />
  );
}

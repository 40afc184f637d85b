import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { ConfirmDialog } from '@/components/ui/ConfirmDialog';
import { Field } from '@/components/ui/Field';
import { useToast } from '@/components/ui/Toast';
import { session } from '@/lib/auth';
import { describeError } from '@/lib/errors';
import { DeleteAccountMutation } from '../api/profile';

export function DeleteAccount({ email }: { email: string }) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, del] = useMutation(DeleteAccountMutation);
  const navigate = useNavigate();
  const toast = useToast();
  const confirmed = typed.trim().toLowerCase() === email.toLowerCase();

  async function confirm() {
    setError(null);
    const res = await del({});
    if (res.error || !res.data?.deleteAccount) {
      setError(describeError(res.error));
      return;
    }
    setOpen(false);
    session.ended();
    toast({
      title: 'Your account was deleted',
      description: 'Your data is being removed from every service.',
    });
    navigate('/signin', { replace: true });
  }

  return (
    <Card aria-labelledby="danger-zone" className="border-red-200 dark:border-red-900">
      <h2 id="danger-zone" className="mb-2 text-base font-semibold">
        Delete account
      </h2>
      <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
        Deleting your account removes your profile, CVs, goals, progress and everything else you keep here. It
        cannot be undone.
      </p>
      <ConfirmDialog
        open={open}
        onOpenChange={(o) => {
          setOpen(o);
          if (!o) {
            setTyped('');
            setError(null);
          }
        }}
        trigger={<Button variant="danger">Delete my account…</Button>}
        title="Delete your account?"
        description={
          <p>
            This deletes your account and all your data in every part of Career Coach. Type your email,{' '}
            <strong>{email}</strong>, to confirm.
          </p>
        }
        confirmLabel={fetching ? 'Deleting…' : error ? 'Try again' : 'Delete account'}
        confirmDisabled={!confirmed}
        busy={fetching}
        onConfirm={confirm}
      >
        <Field
          label="Your email"
          type="email"
          autoComplete="off"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          error={error}
        />
      </ConfirmDialog>
    </Card>
  );
}

import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { Field } from '@/components/ui/Field';
import { useToast } from '@/components/ui/Toast';
import { session } from '@/lib/auth';
import { describeError } from '@/lib/errors';
import {
  changedFields,
  limits,
  UpdateProfileMutation,
  validateProfile,
  type ProfileValues,
} from '../api/profile';

export function ProfileForm({ initial }: { initial: ProfileValues }) {
  const [values, setValues] = useState(initial);
  const [base, setBase] = useState(initial);
  const [tried, setTried] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [{ fetching }, update] = useMutation(UpdateProfileMutation);
  const toast = useToast();
  const errs = tried ? validateProfile(values) : {};
  const changes = changedFields(base, values);
  const dirty = Object.keys(changes).length > 0;

  const set = (k: keyof ProfileValues) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    setServerError(null);
    if (Object.keys(validateProfile(values)).length > 0 || !dirty) return;
    // The cache shows the new values at once (optimistic); an error rolls them back.
    const res = await update({ input: changes });
    if (res.error || !res.data) {
      const msg = describeError(res.error);
      setServerError(msg);
      toast({ title: 'Your profile was not saved', description: msg, variant: 'error' });
      return;
    }
    const u = res.data.updateProfile;
    const saved = {
      displayName: u.displayName,
      headline: u.headline ?? '',
      location: u.location ?? '',
      avatarUrl: u.avatarUrl ?? '',
    };
    setBase(saved);
    setValues(saved);
    setTried(false);
    session.updateUser({ displayName: u.displayName });
    toast({ title: 'Profile saved', variant: 'success' });
  }

  return (
    <Card aria-labelledby="profile-details">
      <h2 id="profile-details" className="mb-3 text-base font-semibold">
        Your details
      </h2>
      <form onSubmit={submit} className="grid gap-4 md:grid-cols-2" noValidate>
        <Field
          label="Name"
          required
          autoComplete="name"
          maxLength={limits.displayName}
          value={values.displayName}
          onChange={set('displayName')}
          error={errs.displayName}
        />
        <Field
          label="Location"
          autoComplete="address-level2"
          maxLength={limits.location}
          value={values.location}
          onChange={set('location')}
          error={errs.location}
          hint="City and country, or Remote"
        />
        <Field
          className="md:col-span-2"
          label="Headline"
          maxLength={limits.headline}
          value={values.headline}
          onChange={set('headline')}
          error={errs.headline}
          hint="One line, e.g. Backend engineer moving into data"
        />
        <Field
          className="md:col-span-2"
          label="Photo URL"
          type="url"
          inputMode="url"
          maxLength={limits.avatarUrl}
          value={values.avatarUrl}
          onChange={set('avatarUrl')}
          error={errs.avatarUrl}
          hint="An https:// address of an image; leave empty for none"
        />
        {serverError && (
          <p role="alert" className="text-sm text-red-700 md:col-span-2 dark:text-red-300">
            {serverError} Check the fields and press Save again.
          </p>
        )}
        <div className="flex gap-3 md:col-span-2">
          <Button type="submit" busy={fetching} disabled={!dirty}>
            {fetching ? 'Saving…' : serverError ? 'Try again' : 'Save changes'}
          </Button>
          <Button
            type="button"
            variant="secondary"
            disabled={!dirty || fetching}
            onClick={() => setValues(base)}
          >
            Discard
          </Button>
        </div>
      </form>
    </Card>
  );
}

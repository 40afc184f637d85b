import { useQuery } from 'urql';
import { PageHeader } from '@/components/ui/PageHeader';
import { PageSkeleton } from '@/components/ui/Skeleton';
import { EmptyState, ErrorState } from '@/components/ui/States';
import { describeError } from '@/lib/errors';
import { ProfileQuery } from '../api/profile';
import { ChangeEmail } from './ChangeEmail';
import { ChangePassword } from './ChangePassword';
import { DeleteAccount } from './DeleteAccount';
import { LinkedAccounts } from './LinkedAccounts';
import { ProfileForm } from './ProfileForm';
import { ProfileSummary } from './ProfileSummary';
import { formatDate } from '@/lib/dates';

export function ProfilePage() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: ProfileQuery });
  const retry = () => refetch({ requestPolicy: 'network-only' });

  let body;
  if (fetching && !data) body = <PageSkeleton label="Loading your profile" />;
  else if (error && !data) body = <ErrorState message={describeError(error)} onRetry={retry} />;
  else if (!data?.me)
    body = <EmptyState title="You are signed out">Sign in again to see your profile.</EmptyState>;
  else {
    const me = data.me;
    body = (
      <div className="flex flex-col gap-6">
        <ProfileSummary user={me} />
        <ProfileForm
          key={me.id}
          initial={{
            displayName: me.displayName,
            headline: me.headline ?? '',
            location: me.location ?? '',
            avatarUrl: me.avatarUrl ?? '',
          }}
        />
        <LinkedAccounts identities={me.identities} />
        <ChangePassword email={me.email} />
        <ChangeEmail email={me.email} />
        <DeleteAccount email={me.email} />
      </div>
    );
  }
  return (
    <>
      <PageHeader title="Profile">
        {data?.me ? (
          <p>
            Signed in as {data.me.email} · member since {formatDate(data.me.createdAt)}
          </p>
        ) : (
          <p>Your details and account.</p>
        )}
      </PageHeader>
      {body}
    </>
  );
}

import * as A from '@radix-ui/react-avatar';
import { cn } from './cn';

export function initials(name: string): string {
  return (
    name
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => [...w][0])
      .join('')
      .slice(0, 2)
      .toUpperCase() || '?'
  );
}

/** A person's photo, or their initials while it loads or when it fails. Decorative: the name is shown beside it. */
export function Avatar({ name, src, className }: { name: string; src?: string | null; className?: string }) {
  return (
    <A.Root
      aria-hidden="true"
      className={cn(
        'inline-flex shrink-0 items-center justify-center overflow-hidden rounded-full bg-indigo-700 font-semibold text-white',
        className,
      )}
    >
      {src && (
        <A.Image src={src} alt="" referrerPolicy="no-referrer" className="h-full w-full object-cover" />
      )}
      <A.Fallback delayMs={src ? 300 : 0}>{initials(name)}</A.Fallback>
    </A.Root>
  );
}

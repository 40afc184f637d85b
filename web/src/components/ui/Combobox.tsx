import { useId, useState, type KeyboardEvent } from 'react';
import { cn } from './cn';

export interface ComboboxOption {
  id: string;
  label: string;
  /** A second line, e.g. the alternate title that matched. */
  detail?: string;
}

export interface ComboboxProps {
  label: string;
  /** The text in the box (controlled). */
  query: string;
  onQueryChange: (q: string) => void;
  options: readonly ComboboxOption[];
  onSelect: (id: string) => void;
  loading?: boolean;
  /** Said when the query finds nothing. */
  emptyText?: string;
  /** Said under the list, e.g. "12 of 37 shown". */
  summary?: string;
  hint?: string;
  placeholder?: string;
}

/**
 * A text box that suggests options as one types (the WAI-ARIA combobox pattern with a listbox
 * popup): arrow keys move through the suggestions, Enter picks, Escape closes; the count of
 * suggestions is announced.
 */
export function Combobox({
  label,
  query,
  onQueryChange,
  options,
  onSelect,
  loading,
  emptyText = 'Nothing found',
  summary,
  hint,
  placeholder,
}: ComboboxProps) {
  const id = useId();
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const shown = open && query.trim().length > 0;
  const pick = (o: ComboboxOption) => {
    onSelect(o.id);
    setOpen(false);
    setActive(-1);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(options.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter' && shown && active >= 0 && options[active]) {
      e.preventDefault();
      pick(options[active]);
    } else if (e.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    }
  };
  const status = !query.trim()
    ? ''
    : loading
      ? 'Searching…'
      : options.length === 0
        ? emptyText
        : (summary ?? `${options.length} suggestions`);
  return (
    <div className="relative flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={shown && options.length > 0}
        aria-controls={listId}
        aria-describedby={hint ? hintId : undefined}
        aria-activedescendant={shown && active >= 0 ? `${id}-opt-${active}` : undefined}
        value={query}
        placeholder={placeholder}
        onChange={(e) => {
          onQueryChange(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        className="min-h-10 rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900 focus:outline-2 focus:outline-offset-1 focus:outline-indigo-600 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100"
      />
      {hint && (
        <p id={hintId} className="text-xs text-slate-600 dark:text-slate-300">
          {hint}
        </p>
      )}
      <div
        id={listId}
        role="listbox"
        aria-label={label}
        hidden={!shown || options.length === 0}
        className="absolute top-full z-20 mt-1 max-h-80 w-full overflow-auto rounded-md border border-slate-300 bg-white py-1 shadow-lg dark:border-slate-600 dark:bg-slate-900"
      >
        {options.map((o, i) => (
          // Keys reach the options through the text box (aria-activedescendant), as the pattern says.
          // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/interactive-supports-focus
          <div
            key={o.id}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(o)}
            className={cn(
              'cursor-pointer px-3 py-2 text-sm',
              i === active
                ? 'bg-indigo-100 dark:bg-indigo-900'
                : 'hover:bg-slate-100 dark:hover:bg-slate-800',
            )}
          >
            <span className="block">{o.label}</span>
            {o.detail && <span className="block text-xs text-slate-700 dark:text-slate-300">{o.detail}</span>}
          </div>
        ))}
      </div>
      <p role="status" className="sr-only">
        {shown ? status : ''}
      </p>
    </div>
  );
}

import { useId } from 'react';
import { Combobox, type ComboboxOption } from './Combobox';

export interface SearchOrBrowseProps {
  /** Label of the search box, e.g. "Find a role". */
  label: string;
  /** What the browse selects name, e.g. "role". */
  noun: string;
  query: string;
  onQueryChange: (q: string) => void;
  hits: readonly ComboboxOption[];
  total: number;
  searching: boolean;
  hint?: string;
  groups: readonly { id: string; label: string }[];
  group: string;
  onGroupChange: (id: string) => void;
  groupItems: readonly { id: string; label: string }[];
  loadingGroupItems: boolean;
  onPick: (id: string) => void;
}

/**
 * Two ways to one item of a large catalogue: a search box that suggests as one types, or a group
 * to browse and an item of it. The caller runs the queries.
 */
export function SearchOrBrowse(p: SearchOrBrowseProps) {
  const groupId = useId();
  const itemId = useId();
  const q = p.query.trim();
  return (
    <div className="grid gap-4 md:grid-cols-3">
      <Combobox
        label={p.label}
        query={p.query}
        onQueryChange={p.onQueryChange}
        options={p.hits}
        onSelect={(id) => {
          p.onQueryChange('');
          p.onPick(id);
        }}
        loading={p.searching}
        emptyText={q.length < 2 ? 'Type at least 2 letters' : `No ${p.noun} has that title`}
        summary={`${p.hits.length} of ${p.total} ${p.noun}s shown`}
        hint={p.hint}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor={groupId} className="text-sm font-medium">
          Or browse a category
        </label>
        <select
          id={groupId}
          value={p.group}
          onChange={(e) => p.onGroupChange(e.target.value)}
          className="min-h-10 rounded-md border border-slate-400 bg-white px-3 py-2 text-sm dark:border-slate-500 dark:bg-slate-900"
        >
          <option value="">Choose a category</option>
          {p.groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.label}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={itemId} className="text-sm font-medium">
          {`${p.noun.charAt(0).toUpperCase()}${p.noun.slice(1)} in the category`}
        </label>
        <select
          id={itemId}
          value=""
          disabled={!p.group}
          onChange={(e) => e.target.value && p.onPick(e.target.value)}
          className="min-h-10 rounded-md border border-slate-400 bg-white px-3 py-2 text-sm disabled:opacity-60 dark:border-slate-500 dark:bg-slate-900"
        >
          <option value="">{p.loadingGroupItems ? `Loading ${p.noun}s…` : `Choose a ${p.noun}`}</option>
          {p.groupItems.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { Field } from '@/components/ui/Field';
import type {
  CvCorrectionsInput,
  CvCorrectionsPartsFragment,
  CvDetailQuery,
  CvSectionKind,
} from '@/gql/graphql';
import { describeError } from '@/lib/errors';
import { CorrectCVMutation, levelNames, sectionKindLabels } from '../api/cv';

type CV = NonNullable<CvDetailQuery['cv']>;
type Sections = NonNullable<CV['sections']>;
type Skill = NonNullable<CV['analysis']>['skills'][number];
type Entry = Sections['experience'][number];

const selectClass =
  'min-h-10 rounded-md border border-slate-400 bg-white px-2 py-2 text-sm text-slate-900 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100';

/**
 * The stored corrections as the input that replaces them (the server re-checks everything).
 * basedOn names the version shown: if another tab saved since, the server refuses the set
 * (CONFLICT) rather than drop that tab's fixes.
 */
function toInput(c: CvCorrectionsPartsFragment | null | undefined): Required<CvCorrectionsInput> {
  return {
    basedOn: c?.updatedAt ?? null,
    removedSkills: [...(c?.removedSkills ?? [])],
    addedSkills: (c?.addedSkills ?? []).map((s) => ({ name: s.name, level: s.level })),
    headings: (c?.headings ?? []).map((h) => ({ line: h.line, kind: h.kind })),
    entries: (c?.entries ?? []).map((e) => ({
      ref: e.ref,
      title: e.title,
      company: e.company,
      startDate: e.startDate,
      endDate: e.endDate,
      current: e.current,
    })),
  };
}

type Props = {
  cvId: string;
  sections: Sections;
  skills: Skill[];
  corrections: CvCorrectionsPartsFragment | null | undefined;
  onCorrected: () => void;
};

/**
 * Fix what we misread: remove a skill, state one of your own, say what a
 * heading is, fix an entry. Each change sends the whole set of corrections;
 * the server re-reads the stored CV text with them and the analysis follows.
 */
export function Corrections({ cvId, sections, skills, corrections: current, onCorrected }: Props) {
  const [state, correct] = useMutation(CorrectCVMutation);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const send = async (change: (c: Required<CvCorrectionsInput>) => void, done: string) => {
    const next = toInput(current);
    change(next);
    setError(null);
    setSaved(null);
    const r = await correct({ id: cvId, corrections: next });
    if (r.error) {
      setError(describeError(r.error));
      // A conflict means the stored fixes changed elsewhere: show them.
      if (r.error.graphQLErrors.some((e) => e.extensions?.code === 'CONFLICT')) onCorrected();
      return false;
    }
    setSaved(done);
    onCorrected();
    return true;
  };

  return (
    <Card aria-labelledby="cv-fix">
      <h3 id="cv-fix" className="font-semibold">
        Fix what we misread
      </h3>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        Your fixes are kept with this CV and applied to every analysis of it. Skills you add are shown as your
        own statement, not as something your CV shows, and do not change the CV score.
      </p>
      <div aria-live="polite" className="mt-2 text-sm">
        {saved && <p className="text-emerald-800 dark:text-emerald-300">{saved}</p>}
      </div>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      <SkillFixes skills={skills} removed={current?.removedSkills ?? []} busy={state.fetching} send={send} />
      <HeadingFixes headings={sections.headings} busy={state.fetching} send={send} />
      {sections.experience.length > 0 && (
        <EntryFixes entries={sections.experience} busy={state.fetching} send={send} />
      )}
    </Card>
  );
}

type Send = (change: (c: Required<CvCorrectionsInput>) => void, done: string) => Promise<boolean>;

function SkillFixes({
  skills,
  removed,
  busy,
  send,
}: {
  skills: Skill[];
  removed: string[];
  busy: boolean;
  send: Send;
}) {
  const [name, setName] = useState('');
  const [level, setLevel] = useState(3);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    const n = name.trim();
    if (!n) return;
    const ok = await send((c) => {
      c.addedSkills = [
        ...c.addedSkills.filter((s) => s.name.toLowerCase() !== n.toLowerCase()),
        { name: n, level },
      ];
      c.removedSkills = c.removedSkills.filter((s) => s.toLowerCase() !== n.toLowerCase());
    }, `Added ${n} as your own statement; the analysis was updated.`);
    if (ok) setName('');
  };
  return (
    <section aria-labelledby="cv-fix-skills" className="mt-4">
      <h4 id="cv-fix-skills" className="font-medium">
        Skills
      </h4>
      <ul className="mt-2 flex flex-wrap gap-2">
        {skills.map((s) => (
          <li
            key={s.name}
            className="flex items-center gap-1 rounded-md border border-slate-300 py-0.5 pl-2 text-sm dark:border-slate-600"
          >
            {s.name}
            {s.source === 'USER' && (
              <span className="text-xs text-slate-600 dark:text-slate-300">(your statement)</span>
            )}
            <Button
              variant="ghost"
              className="px-2 py-0.5"
              disabled={busy}
              aria-label={
                s.source === 'USER' ? `Withdraw ${s.name}` : `Remove ${s.name}: my CV does not show it`
              }
              onClick={() =>
                void send((c) => {
                  if (s.source === 'USER') c.addedSkills = c.addedSkills.filter((a) => a.name !== s.name);
                  else c.removedSkills = [...c.removedSkills, s.name];
                }, `Removed ${s.name}; the analysis was updated.`)
              }
            >
              ×
            </Button>
          </li>
        ))}
      </ul>
      {removed.length > 0 && (
        <p className="mt-2 text-sm">
          Removed by you:{' '}
          {removed.map((r, i) => (
            <span key={r}>
              {i > 0 && ', '}
              {r}{' '}
              <Button
                variant="ghost"
                className="px-1 py-0 underline"
                disabled={busy}
                aria-label={`Restore ${r}`}
                onClick={() =>
                  void send((c) => {
                    c.removedSkills = c.removedSkills.filter((x) => x !== r);
                  }, `Restored ${r}; the analysis was updated.`)
                }
              >
                restore
              </Button>
            </span>
          ))}
        </p>
      )}
      <form onSubmit={add} className="mt-3 flex flex-wrap items-end gap-2">
        <Field
          label="A skill we missed"
          value={name}
          maxLength={60}
          onChange={(e) => setName(e.target.value)}
          required
        />
        <div className="flex flex-col gap-1">
          <label htmlFor="cv-fix-level" className="text-sm font-medium">
            Your level
          </label>
          <select
            id="cv-fix-level"
            className={selectClass}
            value={level}
            onChange={(e) => setLevel(Number(e.target.value))}
          >
            {[1, 2, 3, 4, 5].map((l) => (
              <option key={l} value={l}>
                {l} ({levelNames[l]})
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" disabled={busy}>
          Add skill
        </Button>
      </form>
    </section>
  );
}

function KindSelect({
  id,
  value,
  onChange,
  disabled,
}: {
  id: string;
  value: string;
  onChange: (k: CvSectionKind) => void;
  disabled?: boolean;
}) {
  return (
    <select
      id={id}
      className={selectClass}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value as CvSectionKind)}
    >
      {Object.entries(sectionKindLabels).map(([k, label]) => (
        <option key={k} value={k}>
          {label}
        </option>
      ))}
    </select>
  );
}

function HeadingFixes({
  headings,
  busy,
  send,
}: {
  headings: Sections['headings'];
  busy: boolean;
  send: Send;
}) {
  const [line, setLine] = useState('');
  const [kind, setKind] = useState<CvSectionKind>('EXPERIENCE' as CvSectionKind);
  const relabel = (l: string, k: CvSectionKind) =>
    send(
      (c) => {
        c.headings = [
          ...c.headings.filter((h) => h.line.toLowerCase() !== l.toLowerCase()),
          { line: l, kind: k },
        ];
      },
      `“${l}” is now read as ${sectionKindLabels[k] ?? k}; the analysis was updated.`,
    );
  const add = async (e: FormEvent) => {
    e.preventDefault();
    const l = line.trim();
    if (l && (await relabel(l, kind))) setLine('');
  };
  return (
    <section aria-labelledby="cv-fix-headings" className="mt-5">
      <h4 id="cv-fix-headings" className="font-medium">
        Section headings
      </h4>
      {headings.length === 0 ? (
        <p className="mt-1 text-sm">We recognised no headings.</p>
      ) : (
        <ul className="mt-2 flex flex-col gap-2">
          {headings.map((h, i) => (
            <li key={h.line + i} className="flex flex-wrap items-center gap-2 text-sm">
              <label htmlFor={`cv-heading-${i}`} className="min-w-40 break-words">
                “{h.line}”{h.corrected ? ' (set by you)' : ''} is read as
              </label>
              <KindSelect
                id={`cv-heading-${i}`}
                value={h.kind}
                disabled={busy}
                onChange={(k) => void relabel(h.line, k)}
              />
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} className="mt-3 flex flex-wrap items-end gap-2">
        <Field
          label="A heading we missed, as your CV writes it"
          value={line}
          maxLength={80}
          onChange={(e) => setLine(e.target.value)}
          required
        />
        <div className="flex flex-col gap-1">
          <label htmlFor="cv-fix-kind" className="text-sm font-medium">
            It heads
          </label>
          <KindSelect id="cv-fix-kind" value={kind} onChange={setKind} />
        </div>
        <Button type="submit" disabled={busy}>
          Re-label
        </Button>
      </form>
    </section>
  );
}

function EntryFixes({ entries, busy, send }: { entries: Entry[]; busy: boolean; send: Send }) {
  return (
    <section aria-labelledby="cv-fix-entries" className="mt-5">
      <h4 id="cv-fix-entries" className="font-medium">
        Positions
      </h4>
      <ul className="mt-2 flex flex-col gap-2">
        {entries.map((e) => (
          <li key={e.ref}>
            <EntryForm entry={e} busy={busy} send={send} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function EntryForm({ entry, busy, send }: { entry: Entry; busy: boolean; send: Send }) {
  const [title, setTitle] = useState(entry.title ?? '');
  const [company, setCompany] = useState(entry.company ?? '');
  const [start, setStart] = useState(entry.startDate ?? '');
  const [end, setEnd] = useState(entry.endDate ?? '');
  const [current, setCurrent] = useState(entry.current);
  const name = [entry.title, entry.company].filter(Boolean).join(' at ') || 'Untitled position';
  const dates = `${entry.startDate ?? '?'} – ${entry.current ? 'present' : (entry.endDate ?? '?')}`;
  const save = (ev: FormEvent) => {
    ev.preventDefault();
    void send(
      (c) => {
        c.entries = [
          ...c.entries.filter((x) => x.ref !== entry.ref),
          {
            ref: entry.ref,
            title,
            company,
            startDate: start || null,
            endDate: current ? null : end || null,
            current,
          },
        ];
      },
      `Saved ${title || 'the position'}; the analysis was updated.`,
    );
  };
  return (
    <details className="rounded-md border border-slate-200 p-2 text-sm dark:border-slate-700">
      <summary className="cursor-pointer">
        {name} · {dates}
        {entry.corrected ? ' (fixed by you)' : ''}
      </summary>
      <form onSubmit={save} className="mt-2 grid gap-2 sm:grid-cols-2" aria-label={`Fix ${name}`}>
        <Field label="Title" value={title} maxLength={120} onChange={(e) => setTitle(e.target.value)} />
        <Field
          label="Employer"
          value={company}
          maxLength={120}
          onChange={(e) => setCompany(e.target.value)}
        />
        <Field
          label="Start (YYYY or YYYY-MM)"
          value={start}
          pattern="\d{4}(-(0[1-9]|1[0-2]))?"
          onChange={(e) => setStart(e.target.value)}
        />
        <Field
          label="End (YYYY or YYYY-MM)"
          value={current ? '' : end}
          disabled={current}
          pattern="\d{4}(-(0[1-9]|1[0-2]))?"
          onChange={(e) => setEnd(e.target.value)}
        />
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={current} onChange={(e) => setCurrent(e.target.checked)} />I still
          work here
        </label>
        <div>
          <Button type="submit" disabled={busy}>
            Save position
          </Button>
        </div>
      </form>
    </details>
  );
}

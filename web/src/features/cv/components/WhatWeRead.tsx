import { Card } from '@/components/ui/Card';
import type { CvDetailQuery } from '@/gql/graphql';

type Sections = NonNullable<NonNullable<CvDetailQuery['cv']>['sections']>;

/** Facts read from the CV that are not skills: where the person is, the languages they speak, certifications and awards. */
export function WhatWeRead({ sections }: { sections: Sections }) {
  const { location } = sections.contact;
  const langs = sections.spokenLanguages;
  return (
    <Card aria-labelledby="cv-read">
      <h3 id="cv-read" className="mb-2 font-semibold">
        What we read
      </h3>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-medium">Location</dt>
        <dd data-testid="cv-location">{location ?? 'We found no city or region in your CV.'}</dd>
        <dt className="font-medium">Languages</dt>
        <dd>
          {langs.length === 0 ? (
            'We found no spoken languages in your CV.'
          ) : (
            <ul aria-label="Spoken languages" className="flex flex-wrap gap-x-3">
              {langs.map((l) => (
                <li key={l.name}>
                  {l.name}
                  {l.level ? ` (${l.level})` : ' (we read no level)'}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt className="font-medium">Certifications</dt>
        <dd>
          {sections.certificationEntries.length === 0 ? (
            'We found no certifications in your CV.'
          ) : (
            <ul aria-label="Certifications" className="flex flex-col">
              {sections.certificationEntries.map((c, i) => (
                <li key={c.name + i}>
                  {c.name}
                  {c.issuer ? `, ${c.issuer}` : ''}
                  {c.date ? ` (${c.date})` : ''}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt className="font-medium">Awards</dt>
        <dd>
          {sections.awards.length === 0 ? (
            'We found no awards in your CV.'
          ) : (
            <ul aria-label="Awards" className="flex flex-col">
              {sections.awards.map((a, i) => (
                <li key={a.name + i}>
                  {a.name}
                  {a.date ? ` (${a.date})` : ''}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </Card>
  );
}

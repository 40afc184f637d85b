import { describe, expect, it } from 'vitest';
import { summarizeCVs } from './cv-summary';

const cv = (id: string, status: string, analysed = status === 'DONE') => ({
  id,
  status,
  analysis: analysed ? { score: 70 } : null,
});
const ids = (s: ReturnType<typeof summarizeCVs>) => [s.good?.id, s.failed?.id, s.running?.id];

describe('summarizeCVs', () => {
  const cases: { name: string; cvs: ReturnType<typeof cv>[]; want: (string | undefined)[] }[] = [
    { name: 'no CVs', cvs: [], want: [undefined, undefined, undefined] },
    {
      name: 'a failed upload after a good one keeps the good one and reports the failure',
      cvs: [cv('new', 'FAILED'), cv('old', 'DONE')],
      want: ['old', 'new', undefined],
    },
    {
      name: 'a failure older than the good analysis is not reported',
      cvs: [cv('new', 'DONE'), cv('old', 'FAILED')],
      want: ['new', undefined, undefined],
    },
    {
      name: 'only a failed upload',
      cvs: [cv('bad', 'FAILED')],
      want: [undefined, 'bad', undefined],
    },
    {
      name: 'an upload in progress is shown beside the good one',
      cvs: [cv('now', 'ANALYZING'), cv('old', 'DONE')],
      want: ['old', undefined, 'now'],
    },
    {
      name: 'a failed re-analysis still holding an old analysis is not the successful one',
      cvs: [cv('re', 'FAILED', true), cv('old', 'DONE')],
      want: ['old', 're', undefined],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(ids(summarizeCVs(c.cvs))).toEqual(c.want);
    });
  }
});

import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ReadingReport, confidenceWord } from './ReadingReport';

const region = () => screen.getByRole('region', { name: 'How well we read your CV' });

describe('ReadingReport', () => {
  it('says high confidence in words and number when everything was read', () => {
    render(<ReadingReport confidence={0.92} unreadParts={[]} />);
    expect(within(region()).getByTestId('cv-confidence')).toHaveTextContent(
      'We read this CV with high confidence (0.92).',
    );
    expect(screen.queryByRole('region', { name: 'What we could not read' })).toBeNull();
    expect(region()).toHaveTextContent('We found no part of your CV that we could not read.');
  });

  it('says low confidence and lists each unread part with its reason and a hint', () => {
    render(
      <ReadingReport
        confidence={0.55}
        unreadParts={[
          { part: 'experience', reason: 'We saw date ranges but could not read any position.' },
          { part: 'education', reason: 'Your CV names a degree we could not read.' },
        ]}
      />,
    );
    expect(screen.getByTestId('cv-confidence')).toHaveTextContent(
      'We read this CV with low confidence (0.55).',
    );
    const unread = screen.getByRole('region', { name: 'What we could not read' });
    expect(
      within(within(unread).getByRole('list'))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Experience: We saw date ranges but could not read any position.',
      'Education: Your CV names a degree we could not read.',
    ]);
    expect(unread).toHaveTextContent('re-upload a text-based PDF or DOCX');
    expect(region()).not.toHaveTextContent('We found no part');
  });

  it('does not call an analysis stored before confidence was measured "0 confidence"', () => {
    render(<ReadingReport confidence={0} unreadParts={[]} />);
    const text = screen.getByTestId('cv-confidence').textContent ?? '';
    expect(text).toContain('before we measured how well a CV was read');
    expect(text).not.toMatch(/confidence \(|0\.00|0%/);
    expect(region()).not.toHaveTextContent('We found no part');
  });

  it.each([
    [1, 'high'],
    [0.85, 'high'],
    [0.84, 'medium'],
    [0.6, 'medium'],
    [0.59, 'low'],
    [0.05, 'low'],
  ] as const)('calls %s %s', (c, word) => {
    expect(confidenceWord(c)).toBe(word);
  });
});

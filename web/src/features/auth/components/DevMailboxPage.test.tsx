import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, serve } from '@/test/fetch';
import { renderAt } from '@/test/render';
import { DevMailboxPage } from './DevMailboxPage';

const mail = (id: string, subject: string, links: string[]) => ({
  id,
  to: 'ada@example.com',
  subject,
  text: `Hello Ada,\n\n${links.join('\n')}`,
  links,
  sentAt: '2026-12-07T21:00:00Z',
});

describe('DevMailboxPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists the mail newest first; our links open in the app', async () => {
    serve({
      'GET /auth/dev/mailbox': () =>
        json(200, [
          mail('2', 'Reset your Career Coach password', [
            `${window.location.origin}/reset-password?token=r1`,
          ]),
          mail('1', 'Verify your email address', [
            `${window.location.origin}/verify-email?token=v1`,
            'https://example.org/help',
          ]),
        ]),
    });
    renderAt('/dev/mailbox', '/dev/mailbox', <DevMailboxPage />);
    const items = await screen.findAllByRole('article');
    expect(items.map((a) => within(a).getByRole('heading').textContent)).toEqual([
      'Reset your Career Coach password',
      'Verify your email address',
    ]);
    expect(screen.getByRole('status')).toHaveTextContent('2 messages, newest first.');
    const verify = within(items[1]!).getByRole('link', { name: /verify-email/ });
    expect(verify).toHaveAttribute('href', '/verify-email?token=v1');
    expect(within(items[1]!).getByRole('link', { name: 'https://example.org/help' })).toHaveAttribute(
      'href',
      'https://example.org/help',
    );
  });

  it('checks again on request', async () => {
    let n = 0;
    serve({
      'GET /auth/dev/mailbox': () => json(200, n++ === 0 ? [] : [mail('1', 'Verify your email address', [])]),
    });
    renderAt('/dev/mailbox', '/dev/mailbox', <DevMailboxPage />);
    expect(await screen.findByText('No mail yet.')).toHaveAttribute('role', 'status');
    await userEvent.click(screen.getByRole('button', { name: 'Check for new mail' }));
    expect(await screen.findByRole('heading', { name: 'Verify your email address' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('1 message, newest first.');
  });

  it('says there is no mailbox where the server sends real mail', async () => {
    serve({
      'GET /auth/dev/mailbox': () => json(404, { error: { code: 'NOT_FOUND', message: 'not found' } }),
    });
    renderAt('/dev/mailbox', '/dev/mailbox', <DevMailboxPage />);
    expect(await screen.findByText(/there is no development mailbox/)).toBeInTheDocument();
    expect(screen.queryByRole('article')).toBeNull();
  });
});

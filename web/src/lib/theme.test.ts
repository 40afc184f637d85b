import { afterEach, describe, expect, it } from 'vitest';
import { applyTheme, getTheme, setTheme } from './theme';

describe('theme', () => {
  afterEach(() => {
    localStorage.clear();
    document.documentElement.classList.remove('dark');
  });

  it('defaults to the system setting', () => {
    expect(getTheme()).toBe('system');
  });

  it('persists a choice and applies it to <html>', () => {
    setTheme('dark');
    expect(localStorage.getItem('coach-theme')).toBe('dark');
    expect(document.documentElement).toHaveClass('dark');
    setTheme('light');
    expect(getTheme()).toBe('light');
    expect(document.documentElement).not.toHaveClass('dark');
  });

  it('going back to system forgets the choice', () => {
    setTheme('dark');
    setTheme('system');
    expect(localStorage.getItem('coach-theme')).toBeNull();
    applyTheme();
    expect(getTheme()).toBe('system');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { readStored, removeStored, writeStored } from './stored';

const isDraft = (v: unknown): v is { text: string } =>
  typeof v === 'object' && v !== null && typeof (v as { text?: unknown }).text === 'string';

describe('stored values', () => {
  afterEach(() => window.localStorage.clear());

  it('round-trips a value', () => {
    writeStored('k', { text: 'hello' });
    expect(readStored('k', isDraft)).toEqual({ text: 'hello' });
    removeStored('k');
    expect(readStored('k', isDraft)).toBeNull();
  });

  it('reads broken or foreign data as nothing', () => {
    window.localStorage.setItem('k', '{not json');
    expect(readStored('k', isDraft)).toBeNull();
    window.localStorage.setItem('k', JSON.stringify({ text: 3 }));
    expect(readStored('k', isDraft)).toBeNull();
  });
});

import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// findBy*/waitFor: the default 1 s is too short on a loaded shared machine.
configure({ asyncUtilTimeout: 5000 });

// jsdom has no layout: charts' ResponsiveContainer needs a ResizeObserver to mount.
if (!('ResizeObserver' in globalThis)) {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

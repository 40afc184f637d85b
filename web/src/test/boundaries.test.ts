// @vitest-environment node
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The architecture rule is part of the lint config; this proves it bites.
const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function errors(filePath: string, code: string) {
  const [r] = await eslint.lintText(code, { filePath });
  return (r?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', { timeout: 60_000 }, () => {
  it('a feature may not import another feature', async () => {
    const msgs = await errors(
      'src/features/cv/components/X.tsx',
      "import { ProfilePage } from '@/features/profile/components/ProfilePage';\nexport const x = ProfilePage;\n",
    );
    expect(msgs.join()).toMatch(/A feature imports only itself/);
  });

  it('a feature may import itself and shared code', async () => {
    const msgs = await errors(
      'src/features/profile/components/X.tsx',
      "import { ProfileQuery } from '@/features/profile/api/profile';\nimport { Button } from '@/components/ui/Button';\nexport const x = [ProfileQuery, Button];\n",
    );
    expect(msgs).toEqual([]);
  });

  it('shared code may not import features or the app', async () => {
    expect(
      await errors(
        'src/components/ui/X.tsx',
        "import { routes } from '@/app/router';\nexport const x = routes;\n",
      ),
    ).toHaveLength(1);
    expect(
      await errors(
        'src/lib/X.ts',
        "import { ProfileQuery } from '@/features/profile/api/profile';\nexport const x = ProfileQuery;\n",
      ),
    ).toHaveLength(1);
  });
});

import * as DM from '@radix-ui/react-dropdown-menu';
import { setTheme, useTheme, type ThemeChoice } from '@/lib/theme';

const labels: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };
const item =
  'flex cursor-default items-center gap-2 rounded px-3 py-2 text-sm outline-none data-[highlighted]:bg-slate-100 dark:data-[highlighted]:bg-slate-800';

export function ThemeMenu() {
  const theme = useTheme();
  return (
    <DM.Root>
      <DM.Trigger
        className="rounded-md px-3 py-2 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
        aria-label={`Colour theme: ${labels[theme]}`}
      >
        <span aria-hidden="true">{theme === 'dark' ? '☾' : theme === 'light' ? '☀' : '◐'}</span>
        <span className="ml-1 hidden sm:inline">Theme</span>
      </DM.Trigger>
      <DM.Portal>
        <DM.Content
          align="end"
          sideOffset={6}
          className="z-50 min-w-36 rounded-md border border-slate-200 bg-white p-1 text-slate-900 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
        >
          <DM.Label className="px-3 py-1 text-xs text-slate-600 dark:text-slate-300">Colour theme</DM.Label>
          <DM.RadioGroup value={theme} onValueChange={(v) => setTheme(v as ThemeChoice)}>
            {(Object.keys(labels) as ThemeChoice[]).map((t) => (
              <DM.RadioItem key={t} value={t} className={item}>
                <span className="w-3" aria-hidden="true">
                  <DM.ItemIndicator>✓</DM.ItemIndicator>
                </span>
                {labels[t]}
              </DM.RadioItem>
            ))}
          </DM.RadioGroup>
        </DM.Content>
      </DM.Portal>
    </DM.Root>
  );
}

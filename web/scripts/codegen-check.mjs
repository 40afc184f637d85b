// Regenerates the typed documents into a scratch copy and fails when the
// committed src/gql differs (a schema or query changed without `npm run codegen`).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = 'src/gql';
const saved = mkdtempSync(join(tmpdir(), 'gql-'));
cpSync(dir, saved, { recursive: true });
let stale = [];
try {
  execFileSync('npx', ['graphql-codegen', '--config', 'codegen.ts', '--silent'], { stdio: 'inherit' });
  const names = new Set([...readdirSync(dir), ...readdirSync(saved)]);
  for (const n of names) {
    const read = (d) => {
      try {
        return readFileSync(join(d, n), 'utf8');
      } catch {
        return null;
      }
    };
    if (read(dir) !== read(saved)) stale.push(n);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  cpSync(saved, dir, { recursive: true });
  rmSync(saved, { recursive: true, force: true });
}
if (stale.length) {
  console.error(`src/gql is stale (${stale.join(', ')}): run npm run codegen in web/ and commit`);
  process.exit(1);
}
console.log('src/gql is current');

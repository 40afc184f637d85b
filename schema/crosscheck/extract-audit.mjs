// Extracts the subgraph SDLs of graphql-hive/federation-gateway-audit into
// the testdata case layout (<out>/<suite>/subgraphs/<name>.graphql), so our
// composer and Apollo's can both recompose them.
//
// Usage: node extract-audit.mjs <audit repo checkout> <out dir>
import { readdirSync, readFileSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const [repo, out] = process.argv.slice(2);
if (!repo || !out) {
  console.error('usage: node extract-audit.mjs <audit repo> <out dir>');
  process.exit(2);
}
const suites = join(repo, 'src', 'test-suites');
let count = 0;
for (const suite of readdirSync(suites).sort()) {
  const dir = join(suites, suite);
  if (!existsSync(join(dir, 'index.ts'))) continue;
  // Subgraphs live in *.subgraph.ts, but not only (node/node-two.ts): take
  // every module of the suite that creates one.
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const src = readFileSync(join(dir, file), 'utf8');
    if (!src.includes('createSubgraph(')) continue;
    const m = src.match(/createSubgraph\(\s*"([^"]+)"[\s\S]*?typeDefs:\s*(?:\/\*\s*GraphQL\s*\*\/\s*)?`([\s\S]*?)`/);
    if (!m) {
      console.error(`skip ${suite}/${file}: no typeDefs literal`);
      continue;
    }
    if (m[2].includes('${')) {
      console.error(`skip ${suite}/${file}: interpolated typeDefs`);
      continue;
    }
    mkdirSync(join(out, suite, 'subgraphs'), { recursive: true });
    writeFileSync(join(out, suite, 'subgraphs', `${m[1]}.graphql`), m[2]);
    count++;
  }
}
console.log(`extracted ${count} subgraphs`);

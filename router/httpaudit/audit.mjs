// Runs graphql-http's GraphQL-over-HTTP server audits against a URL and
// prints one line per audit; exits 1 unless every audit is ok.
// Usage: node audit.mjs http://127.0.0.1:4000/graphql
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <url>');
  process.exit(2);
}
const results = await Promise.all(serverAudits({ url }).map((audit) => audit.fn()));
let ok = 0;
for (const r of results) {
  if (r.status === 'ok') {
    ok++;
    console.log(`ok      ${r.id} ${r.name}`);
  } else {
    console.log(`${r.status.padEnd(7)} ${r.id} ${r.name}: ${r.reason}`);
  }
}
console.log(`${ok}/${results.length} audits ok`);
process.exit(ok === results.length ? 0 : 1);

// Pre-compresses the built assets so the router serves them gzipped
// without compressing on every request; the originals are removed (the
// router decompresses for the rare client without gzip) to keep the
// committed dist small.
import { readdirSync, readFileSync, writeFileSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, constants } from 'node:zlib';

const root = new URL('../dist/', import.meta.url).pathname;
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      walk(p);
    } else if (!p.endsWith('.gz')) {
      const gz = gzipSync(readFileSync(p), { level: constants.Z_BEST_COMPRESSION });
      writeFileSync(p + '.gz', gz);
      unlinkSync(p);
      console.log(`${p.slice(root.length)}.gz ${gz.length} bytes`);
    }
  }
}
walk(root);

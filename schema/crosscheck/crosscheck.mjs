// Cross-checks schema/compose against Apollo's composition: for every case
// in the testdata directory, composes the subgraphs with @apollo/composition
// and compares the result with our committed golden output semantically
// (order-insensitive, default-valued directive arguments ignored).
//
// Usage: node crosscheck.mjs <testdata dir>   (exit 1 on unexplained differences)
import { composeServices } from '@apollo/composition';
import { parse, print, printSchema, Kind } from 'graphql';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, basename } from 'node:path';
import { KNOWN } from './known.mjs';

// Directive arguments whose default values Apollo sometimes prints.
const DEFAULTS = { extension: 'false', resolvable: 'true', isInterfaceObject: 'false' };

function applied(d) {
  const args = (d.arguments ?? [])
    .map((a) => [a.name.value, print(a.value)])
    .filter(([n, v]) => DEFAULTS[n] !== v)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([n, v]) => `${n}: ${v}`);
  return `@${d.name.value}${args.length ? `(${args.join(', ')})` : ''}`;
}

function dirs(node) {
  return (node.directives ?? []).map(applied).sort().join(' ');
}

function desc(node) {
  return node.description ? JSON.stringify(node.description.value) : '';
}

// lines turns an SDL into a set of canonical lines, one per element.
export function lines(sdl) {
  const out = new Set();
  for (const def of parse(sdl).definitions) {
    switch (def.kind) {
      case Kind.SCHEMA_DEFINITION:
      case Kind.SCHEMA_EXTENSION:
        for (const d of def.directives ?? []) out.add(`schema ${applied(d)}`);
        for (const op of def.operationTypes ?? []) out.add(`schema ${op.operation}: ${op.type.name.value}`);
        break;
      case Kind.DIRECTIVE_DEFINITION:
        out.add(print({ ...def, description: undefined }));
        break;
      default: {
        const name = def.name.value;
        out.add(`${def.kind} ${name} ${dirs(def)}`.trim());
        if (def.description) out.add(`${name} description ${desc(def)}`);
        for (const i of def.interfaces ?? []) out.add(`${name} implements ${i.name.value}`);
        for (const m of def.types ?? []) out.add(`${name} member ${m.name.value}`);
        for (const v of def.values ?? []) {
          out.add(`${name}.${v.name.value} ${dirs(v)}`.trim());
          if (v.description) out.add(`${name}.${v.name.value} description ${desc(v)}`);
        }
        for (const f of def.fields ?? []) {
          const coord = `${name}.${f.name.value}`;
          const dflt = f.defaultValue ? ` = ${print(f.defaultValue)}` : '';
          out.add(`${coord}: ${print(f.type)}${dflt} ${dirs(f)}`.trim());
          if (f.description) out.add(`${coord} description ${desc(f)}`);
          for (const a of f.arguments ?? []) {
            const adflt = a.defaultValue ? ` = ${print(a.defaultValue)}` : '';
            out.add(`${coord}(${a.name.value}:): ${print(a.type)}${adflt} ${dirs(a)}`.trim());
            if (a.description) out.add(`${coord}(${a.name.value}:) description ${desc(a)}`);
          }
        }
      }
    }
  }
  return out;
}

function subgraphs(dir) {
  const sgDir = join(dir, 'subgraphs');
  return readdirSync(sgDir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => {
      const name = basename(f, '.graphql');
      return { name, url: `http://${name}:4000/graphql`, typeDefs: parse(readFileSync(join(sgDir, f), 'utf8')) };
    });
}

function diff(ours, theirs, what) {
  const out = [];
  for (const l of theirs) if (!ours.has(l)) out.push(`- apollo ${what}: ${l}`);
  for (const l of ours) if (!theirs.has(l)) out.push(`+ ours ${what}:   ${l}`);
  return out;
}

function compareCase(dir) {
  const name = basename(dir);
  let result;
  try {
    result = composeServices(subgraphs(dir));
  } catch (e) {
    // graphql-js rejects unparsable SDL before composition starts.
    if (name === 'error_invalid_graphql') return [];
    return [`apollo threw: ${e.message}`];
  }
  if (name.startsWith('error_')) {
    const want = name.slice('error_'.length).split('__')[0].toUpperCase();
    if (!result.errors) return [`apollo composed successfully, we report ${want}`];
    // Both sides must report the same set of rule codes.
    const theirs = new Set(result.errors.map((e) => e.extensions?.code));
    const ours = new Set(
      readFileSync(join(dir, 'errors.txt'), 'utf8')
        .split('\n')
        .map((l) => l.match(/^([A-Z][A-Z0-9_]+)[ :]/)?.[1])
        .filter(Boolean),
    );
    const out = [];
    for (const c of theirs) if (!ours.has(c)) out.push(`apollo reports ${c}, we do not`);
    for (const c of ours) if (!theirs.has(c)) out.push(`we report ${c}, apollo does not`);
    return out;
  }
  if (result.errors) {
    return [`apollo fails: ${result.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('\n')}`];
  }
  if (!existsSync(join(dir, 'supergraph.graphql'))) return ['apollo composes this case, we do not'];
  const oursText = readFileSync(join(dir, 'supergraph.graphql'), 'utf8');
  if (oursText.trimEnd() === result.supergraphSdl.trimEnd()) identical++;
  const ours = lines(oursText);
  const theirs = lines(result.supergraphSdl);
  const diffs = diff(ours, theirs, '');
  // The API schema is compared when the case has one.
  if (existsSync(join(dir, 'api.graphql'))) {
    const api = printSchema(result.schema.toAPISchema().toGraphQLJSSchema());
    diffs.push(...diff(lines(readFileSync(join(dir, 'api.graphql'), 'utf8')), lines(api), 'api '));
  }
  return diffs;
}

const root = process.argv[2] ?? '../testdata';
let failed = 0;
let explained = 0;
let identical = 0; // supergraphs equal to Apollo's byte for byte (informative)
let cases = 0;
for (const c of readdirSync(root).sort()) {
  const dir = join(root, c);
  if (!existsSync(join(dir, 'subgraphs'))) continue;
  cases++;
  const known = KNOWN[c] ?? [];
  const diffs = compareCase(dir).filter((d) => {
    const k = known.find((k) => d.includes(k.match));
    if (k) explained++;
    return !k;
  });
  if (diffs.length) {
    failed++;
    console.log(`FAIL ${c}\n  ${diffs.join('\n  ')}`);
  } else {
    console.log(`ok   ${c}`);
  }
}
console.log(
  `${cases} cases, ${failed} with unexplained differences, ${explained} known differences, ` +
    `${identical} supergraphs byte-identical to Apollo's`,
);
process.exit(failed ? 1 : 0);

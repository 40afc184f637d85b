// Fast runner for graphql-hive/federation-gateway-audit against `coach
// router`: one router process per suite, the suite's own comparison rule
// (data deep-equal; errors compared only when the test names them). It
// needs the audit's subgraph server running (`npx tsx ./src/cli.ts serve`
// in the audit checkout, port 4200); the official harness is `make
// test-careercoach` there (see CONFORMANCE.md).
//
//   node audit-driver.mjs [suite...]          all suites by default
//   AUDIT_DIR=<checkout>  list of suites (default ../federation-gateway-audit)
//   COACH_BIN=<binary>    the coach binary (default: coach on PATH)
//   VERBOSE=1             print query, expected and received for failures
//   OURS=<dir>            use our own composition (<dir>/<suite>/supergraph.graphql,
//                         from schema/compose's TestAuditSuite) instead of the suite's
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";

const base = "http://localhost:4200";
const router = "http://127.0.0.1:4000";
const bin = process.env.COACH_BIN ?? "coach";
const auditDir = process.env.AUDIT_DIR ?? "../federation-gateway-audit";
const tmp = mkdtempSync(join(tmpdir(), "coach-audit-"));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let suites = process.argv.slice(2);
if (!suites.length) suites = readdirSync(join(auditDir, "src", "test-suites")).sort();

async function supergraph(suite) {
  if (process.env.OURS) {
    // Point our composition's placeholder URLs at the suite's subgraphs.
    return readFileSync(join(process.env.OURS, suite, "supergraph.graphql"), "utf8")
      .replace(/url: "http:\/\/([^:"]+):4000\/graphql"/g, (_, name) => `url: "${base}/${suite}/${name}"`);
  }
  // The server composes lazily: the first answers may be empty.
  for (let i = 0; i < 50; i++) {
    try {
      const sdl = await (await fetch(`${base}/${suite}/supergraph`)).text();
      if (sdl.includes("join__Graph")) return sdl;
    } catch {}
    await sleep(200);
  }
  throw new Error(`no supergraph for ${suite}`);
}

let pass = 0;
const failed = [];
for (const suite of suites) {
  const path = join(tmp, `${suite}.graphql`);
  writeFileSync(path, await supergraph(suite));
  const proc = spawn(bin, ["router", "--supergraph", path, "--addr", "127.0.0.1:4000", "--auth", "off",
    "--service-secret", "conformance-suite-secret", "--max-cost", "1000000000", "--metrics-addr", "", "--log-level", process.env.LOG ?? "error"],
    { stdio: ["ignore", "inherit", "inherit"] });
  for (let i = 0, up = false; i < 100 && !up; i++) {
    try { up = (await fetch(`${router}/healthz`)).ok; } catch { await sleep(50); }
  }
  const tests = await (await fetch(`${base}/${suite}/tests`)).json();
  let line = "";
  for (const [i, t] of tests.entries()) {
    let resp;
    try {
      resp = await (await fetch(`${router}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ query: t.query }),
        signal: AbortSignal.timeout(10_000),
      })).json();
    } catch (e) {
      resp = { data: null, errors: [{ message: String(e) }] };
    }
    const exp = t.expected;
    const optional = typeof exp.errors !== "boolean";
    const received = { data: resp.data ?? null, errors: optional ? null : !!resp.errors?.length };
    const expected = { data: exp.data ?? null, errors: optional ? null : (exp.errors ?? false) };
    if (isDeepStrictEqual(received, expected)) {
      pass++;
      line += ".";
      continue;
    }
    line += "X";
    failed.push(`${suite}_${i}`);
    if (process.env.VERBOSE) {
      console.log(`--- ${suite}_${i}\n${t.query}\nexpected: ${JSON.stringify(exp)}\nreceived: ${JSON.stringify(resp)}`);
    }
  }
  console.log(`${suite} ${line}`);
  if (proc.exitCode === null && proc.signalCode === null) {
    const exited = new Promise((r) => proc.once("exit", r));
    proc.kill();
    await exited;
  }
}
console.log(`Total: ${pass + failed.length}\nPassed: ${pass}\nFailed: ${failed.length}`);
if (failed.length) console.log(failed.join(" "));
process.exit(failed.length ? 1 : 0);

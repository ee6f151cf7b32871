// `npm test`: every test, in order of speed — types, lint, unit, integration, browser — then
// each runner's summary line. Runs every step even after a failure, so one run shows all.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

type Step = { name: string; command: string; args: string[]; summary: RegExp };

const steps: Step[] = [
  { name: "typecheck", command: "npm", args: ["run", "--silent", "typecheck"], summary: /error TS/ },
  { name: "lint", command: "npm", args: ["run", "--silent", "lint"], summary: /problems?|✖/ },
  // Vitest counts files that failed to load, tests, and errors outside tests on lines of their own.
  { name: "unit", command: "npx", args: ["vitest", "run", "--project", "unit"], summary: /^\s*(Test Files|Tests|Errors)\s/ },
  { name: "integration", command: "npx", args: ["vitest", "run", "--project", "integration"], summary: /^\s*(Test Files|Tests|Errors)\s/ },
  { name: "browser", command: "npx", args: ["playwright", "test"], summary: /^\s*\d+ (passed|failed|flaky|skipped)/ },
];

const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, "");

function runStep(step: Step): Promise<{ ok: boolean; seconds: number; summary: string[] }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1", FORCE_COLOR: "0" },
    });
    const summary: string[] = [];
    const read = [child.stdout, child.stderr].map((from, i) => {
      from.on("data", (chunk: Buffer) => (i === 0 ? process.stdout : process.stderr).write(chunk));
      // Whole lines, however the output was cut into chunks.
      const lines = createInterface({ input: from });
      lines.on("line", (line) => {
        const text = stripAnsi(line);
        if (step.summary.test(text)) summary.push(text.trim());
      });
      return new Promise((done) => lines.on("close", done));
    });
    // A runner's own count of failures counts too: an exit code can be lost on the way (a
    // library's exit hook once turned vitest's 1 into 0).
    const failed = () => summary.some((line) => /\b[1-9]\d* (failed|errors?)\b/.test(line));
    child.on("exit", async (code) => {
      // The last lines, unless a process the runner left behind holds the pipes open.
      await Promise.race([Promise.all(read), new Promise((done) => setTimeout(done, 2_000))]);
      resolve({ ok: code === 0 && !failed(), seconds: (Date.now() - started) / 1000, summary });
    });
  });
}

const only = process.argv.slice(2);
const results: { step: Step; ok: boolean; seconds: number; summary: string[] }[] = [];
for (const step of steps.filter((s) => only.length === 0 || only.includes(s.name))) {
  console.log(`\n━━━ ${step.name} ━━━`);
  results.push({ step, ...(await runStep(step)) });
}

console.log("\n━━━ summary ━━━");
for (const { step, ok, seconds, summary } of results) {
  const detail = summary.at(-1) ?? (ok ? "passed" : "failed");
  console.log(`${ok ? "✓" : "✗"} ${step.name.padEnd(12)} ${seconds.toFixed(0).padStart(4)}s  ${detail}`);
}
process.exit(results.every((r) => r.ok) ? 0 : 1);

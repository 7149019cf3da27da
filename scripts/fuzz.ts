/**
 * `npm run fuzz [-- RUNS [SEED]]`: the control-plane property for a long search (default 100,000
 * sequences). A failure prints fast-check's shrunk scenario: add it to src/sim/testing/regressions.ts.
 */
import fc from 'fast-check';
import { clusterProperty } from '../src/sim/testing/fuzz';

const runs = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31);
const started = performance.now();
let done = 0;
const property = clusterProperty(8, 20, 10);
property.afterEach(() => {
  done += 1;
  if (done % 1000 === 0) console.log(`${done} sequences, ${((performance.now() - started) / 1000).toFixed(0)} s`);
});
console.log(`fuzzing ${runs} sequences with seed ${seed}`);
const details = fc.check(property, { numRuns: runs, seed });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (details.failed) {
  console.log(fc.defaultReportMessage(details) ?? 'failed');
  console.log(`FAILED after ${details.numRuns} sequences in ${seconds} s`);
  process.exitCode = 1;
} else {
  console.log(`${details.numRuns} sequences passed in ${seconds} s`);
}

// npm run fuzz -- [--seed N] [--count N]: mutated examples through every stage; zero exceptions, each within 1 s.
import { exercise, mutate, rng, seeds } from './fuzz-lib.js';

const arg = (name: string, d: number) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? Number(process.argv[i + 1]) : d;
};
const seed = arg('seed', 1),
    count = arg('count', 300);
const r = rng(seed);
let failures = 0,
    slow = 0,
    worst = 0;
const started = performance.now();
for (let n = 0; n < count; n++) {
    let text = seeds[Math.floor(r() * seeds.length)];
    const rounds = 1 + Math.floor(r() * 3);
    for (let k = 0; k < rounds; k++) text = mutate(text, r);
    const result = await exercise(text, r);
    worst = Math.max(worst, result.ms);
    if (result.ms > 1000) {
        slow++;
        console.log(`#${n}: ${result.ms.toFixed(0)} ms (over 1 s)`);
    }
    if (result.failures.length) {
        failures++;
        console.log(`#${n}: ${result.failures.length} failure(s)\n  ${result.failures.join('\n  ').slice(0, 2000)}`);
    }
}
console.log(
    `fuzz: seed ${seed}, ${count} documents, ${failures} with exceptions, ${slow} over 1 s, slowest ${worst.toFixed(0)} ms, ${((performance.now() - started) / 1000).toFixed(0)} s`
);
process.exitCode = failures || slow ? 1 : 0;

// What the benchmark measured: samples, their median and p95, and the target each is held to.
export interface Figure {
    name: string;
    unit: string;
    median: number;
    p95: number;
    target?: string;
    met?: boolean;
    samples: number[];
}
export const figures: Figure[] = [];

export function quantile(xs: number[], q: number): number {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))];
}

export function record(
    name: string,
    samples: number[],
    unit: string,
    target?: { max: number; label: string; on?: 'median' | 'p95' }
): Figure {
    const f: Figure = { name, unit, median: quantile(samples, 0.5), p95: quantile(samples, 0.95), samples };
    if (target) {
        f.target = target.label;
        f.met = (target.on === 'median' ? f.median : f.p95) <= target.max;
    }
    figures.push(f);
    const fmt = (v: number) =>
        unit === 'ms' || unit === 's' || unit === 'MB' ? v.toFixed(unit === 's' ? 2 : 1) : v.toFixed(3);
    console.log(
        `${name.padEnd(58)} median ${fmt(f.median).padStart(9)} ${unit}  p95 ${fmt(f.p95).padStart(9)} ${unit}${target ? `   target ${target.label}: ${f.met ? 'met' : 'MISSED'}` : ''}`
    );
    return f;
}

export async function timeIt(fn: () => unknown | Promise<unknown>, runs: number, warmup = 1): Promise<number[]> {
    for (let i = 0; i < warmup; i++) await fn();
    const out: number[] = [];
    for (let i = 0; i < runs; i++) {
        const t = performance.now();
        await fn();
        out.push(performance.now() - t);
    }
    return out;
}

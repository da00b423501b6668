// npm run corpus: imports, checks and exports every real document of test/fixtures/real and prints what it measured.
import { measure, pinned, realFiles } from './measure.js';

const rows: Awaited<ReturnType<typeof measure>>[] = [];
for (const f of realFiles()) rows.push(await measure(f));
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
const recall = (k: 'indicators' | 'citations' | 'periods_dates') => {
    const typed = rows.reduce((a, r) => a + Math.min(r.typed[k], r.hand?.[k] ?? 0), 0),
        hand = rows.reduce((a, r) => a + (r.hand?.[k] ?? 0), 0);
    return `${typed}/${hand} = ${pct(hand ? typed / hand : 1)}`;
};
console.log(
    '| tệp | tập | phân tích được | giữ chữ theo thứ tự | dòng giữ là đoạn văn | chỉ tiêu | trích dẫn | thời gian, ngày | chẩn đoán |'
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
    const diag = Object.entries(r.diagnostics)
        .map(([c, n]) => `${c} ${n}`)
        .join(', ');
    console.log(
        `| ${r.file} | ${r.set} | ${r.parses ? 'có' : 'KHÔNG'} | ${pct(r.kept)} | ${r.demoted} | ${r.typed.indicators}/${r.hand?.indicators ?? '?'} | ` +
            `${r.typed.citations}/${r.hand?.citations ?? '?'} | ${r.typed.periods_dates}/${r.hand?.periods_dates ?? '?'} | ${diag} |`
    );
}
const byCode: Record<string, number> = {};
for (const r of rows) for (const [c, n] of Object.entries(r.diagnostics)) byCode[c] = (byCode[c] ?? 0) + n;
console.log(
    `\n${rows.length} tài liệu: ${rows.filter(r => r.parses).length} phân tích được; giữ chữ thấp nhất ${pct(Math.min(...rows.map(r => r.kept)))}.`
);
console.log(
    `Nhận diện (đã định kiểu / đếm tay): chỉ tiêu ${recall('indicators')}; trích dẫn ${recall('citations')}; thời gian, ngày ${recall('periods_dates')}.`
);
// A diagnostic is true when the file's pinned findings hold it (as many of that code as were read and found true).
let all = 0,
    trueOnes = 0,
    falseErrors = 0,
    falseWarnings = 0;
for (const r of rows) {
    for (const [code, n] of Object.entries(r.diagnostics)) {
        const ok = Math.min(n, pinned[r.file]?.[code]?.[0] ?? 0);
        all += n;
        trueOnes += ok;
        if (n > ok && r.severity[code] === 1) falseErrors += n - ok;
        else if (n > ok) falseWarnings += n - ok;
    }
}
console.log(
    `Độ chính xác: ${trueOnes}/${all} chẩn đoán là lỗi thật (${pct(all ? trueOnes / all : 1)}); báo nhầm: ${falseErrors} lỗi, ` +
        `${falseWarnings} cảnh báo hoặc gợi ý.`
);
console.log(
    `Chẩn đoán theo mã: ${
        Object.entries(byCode)
            .sort((a, b) => b[1] - a[1])
            .map(([c, n]) => `${c} ${n}`)
            .join(', ') || 'không có'
    }.`
);

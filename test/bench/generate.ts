import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A small deterministic PRNG (mulberry32), so every run measures the same inputs. */
export function rng(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');

/** Lines of the examples sorted by their shape, to build realistic documents from. */
function shapes() {
    const prose: string[] = [],
        indicators: string[] = [],
        citations: string[] = [],
        points: string[] = [];
    for (const f of readdirSync(EXAMPLES).filter(x => x.endsWith('.thidua') && !x.startsWith('so-'))) {
        for (const raw of readFileSync(join(EXAMPLES, f), 'utf8').split('\n')) {
            const line = raw.trim();
            if (
                !line ||
                line.startsWith('//') ||
                /^[IVX]+\.|^\d+\.|^Số|^Nơi nhận|^(TM|KT)\./.test(line) ||
                line === line.toUpperCase()
            )
                continue;
            // A Kế hoạch states targets; results ({@id …}) belong to a Báo cáo and its plan.
            if (line.includes('{@')) continue;
            if (/\{[^}]*\d[^}]*\}/.test(line) && /^(-\s*)?\d+\)/.test(line))
                indicators.push(line.replace(/^(-\s*)?\d+\)\s*/, '').replace(/\{#[^ ]+ /g, '{'));
            else if (line.includes('[')) citations.push(line.replace(/^[-+]\s*/, ''));
            else if (/^[a-zđ]\)/.test(line)) points.push(line);
            else if (line.length > 60) prose.push(line.replace(/^[-+]\s*/, ''));
        }
    }
    return { prose, indicators, citations, points };
}

const ROMANS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const TITLES = [
    'MỤC ĐÍCH, YÊU CẦU',
    'CHỈ TIÊU',
    'NỘI DUNG THI ĐUA',
    'THỜI GIAN THI ĐUA',
    'KHEN THƯỞNG',
    'TỔ CHỨC THỰC HIỆN'
];

const COMMUNES = [
    'Bản Bo',
    'Bình Lư',
    'Sơn Bình',
    'Nà Tăm',
    'Khun Há',
    'Giang Ma',
    'Hồ Thầu',
    'Thèn Sin',
    'Tả Lèng',
    'Nùng Nàng',
    'Bản Hon',
    'Bản Giang',
    'Sùng Phài',
    'Phìn Hồ',
    'Nậm Loỏng',
    'Đông Phong',
    'Tân Phong',
    'Quyết Thắng',
    'Quyết Tiến',
    'San Thàng'
];
const VILLAGES = [
    'Nà Khum',
    'Hua Bó',
    'Tẩn Phìn',
    'Cốc Phát',
    'Nà Đon',
    'Phiêng Phát',
    'Bản Thẳm',
    'Nậm Đanh',
    'Lản Nhì Thàng',
    'Pa Pe',
    'Hồ Pên',
    'Na Cát',
    'Sin Câu',
    'Thành Công',
    'Đoàn Kết',
    'Hợp Nhất',
    'Tiến Bộ',
    'Trung Tâm',
    'Bắc Hải',
    'Nam Cường'
];
const GROUPS = [
    'hội phụ nữ',
    'đoàn thanh niên',
    'hội nông dân',
    'hội cựu chiến binh',
    'tổ hòa giải',
    'chi bộ',
    'ban công tác mặt trận',
    'tổ an ninh',
    'trường học',
    'trạm y tế'
];

/**
 * Makes a line taken from the examples unique, as the lines of a real document are (a document that repeats
 * its lines would measure the checks' caches, not the checks): a place and a group are added to it.
 */
function vary(line: string, r: () => number): string {
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
    const where = ` của ${pick(GROUPS)} bản ${pick(VILLAGES)} xã ${pick(COMMUNES)}`;
    const brace = line.indexOf('{');
    if (brace >= 0) {
        const colon = line.lastIndexOf(':', brace);
        return colon > 0 ? line.slice(0, colon) + where + line.slice(colon) : line;
    }
    const m = /[.;:,]*(?:\/\.)?$/.exec(line)!;
    return line.slice(0, m.index) + where + line.slice(m.index);
}

/**
 * A Kế hoạch of about `lines` lines: header, sections with khoản, prose, indicators and citations, Nơi nhận, signature.
 */
export function generateDocument(lines: number, seed: number, idPrefix = 'ct'): string {
    const r = rng(seed);
    const s = shapes();
    const pick = (xs: string[]) => vary(xs[Math.floor(r() * xs.length)], r);
    const out = [
        'ỦY BAN NHÂN DÂN TỈNH LAI CHÂU',
        'ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG',
        `Số: ${10 + Math.floor(r() * 80)}/KH-UBND`,
        'Tam Đường, ngày 05 tháng 01 năm 2023',
        '',
        'KẾ HOẠCH',
        'Phát động phong trào thi đua năm 2023',
        '',
        'Căn cứ [Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị] về tiếp tục đổi mới công tác thi đua, khen thưởng;',
        ''
    ];
    const body = Math.max(10, lines - out.length - 10);
    const perSection = Math.max(8, Math.ceil(body / TITLES.length));
    let indicator = 0,
        written = 0,
        section = 0;
    while (written < body) {
        const title = section < TITLES.length ? TITLES[section] : `NỘI DUNG BỔ SUNG ${section}`;
        out.push(`${ROMANS[section % ROMANS.length]}. ${title}`);
        written++;
        for (let k = 1; written < body && k * 4 <= perSection; k++) {
            out.push(`${k}. ${pick(s.prose)}`);
            written++;
            for (let j = 0; j < 3 && written < body; j++, written++) {
                const x = r();
                if (section === 1 || x < 0.25)
                    out.push(
                        `${++indicator}) ${pick(s.indicators).replace('{', indicator % 7 === 0 ? `{#${idPrefix}${indicator} ` : '{')}`
                    );
                else if (x < 0.45) out.push(pick(s.citations));
                else if (x < 0.55) out.push(pick(s.points));
                else out.push(pick(s.prose));
            }
        }
        section++;
    }
    out.push(
        'Trên đây là Kế hoạch phát động phong trào thi đua năm 2023./.',
        '',
        'Nơi nhận:',
        '- UBND tỉnh;',
        '- Lưu: VT, NV.',
        '',
        'TM. ỦY BAN NHÂN DÂN',
        'CHỦ TỊCH',
        '',
        'Sùng Lữ Páo'
    );
    return out.join('\n') + '\n';
}

function roman(n: number): string {
    const tens = ['', 'X', 'XX', 'XXX', 'XL', 'L'];
    return tens[Math.floor(n / 10)] + ['', ...ROMANS][n % 10];
}

/**
 * A plan of about `lines` lines followed by a Phụ lục holding a scoring table of `rows` rows: groups (I, II …) of
 * nine criteria each, a total row, the points adding up as the checks expect.
 */
export function tablePlan(lines: number, rows: number, seed: number): string {
    const r = rng(seed);
    const plan = generateDocument(lines, seed);
    const number = /Số: (\S+)/.exec(plan)![1];
    const out = [
        '',
        'PHỤ LỤC',
        'BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2023',
        `(Kèm theo Kế hoạch số ${number} ngày 05/01/2023 của Ủy ban nhân dân huyện Tam Đường)`,
        '',
        '| STT | Tiêu chí | Điểm chuẩn | Hướng dẫn chấm điểm |',
        '| --- | --- | --- | --- |'
    ];
    let total = 0;
    for (let group = 0; out.length - 7 < rows - 1; group++) {
        const criteria: string[] = [];
        let sum = 0;
        for (let k = 1; k <= 9 && out.length - 7 + criteria.length + 1 < rows - 1; k++) {
            const points = 1 + Math.floor(r() * 5);
            sum += points;
            const where = `${GROUPS[Math.floor(r() * GROUPS.length)]} bản ${VILLAGES[Math.floor(r() * VILLAGES.length)]}`;
            criteria.push(
                `| ${k} | Tổ chức thực hiện nhiệm vụ ${k} của ${where} | ${points} | Chậm tiến độ trừ 1 điểm |`
            );
        }
        out.push(`| ${roman(group + 1)} | **NHÓM TIÊU CHÍ ${group + 1}** | ${sum} | |`, ...criteria);
        total += sum;
    }
    out.push(`| | **Tổng cộng** | ${total} | |`);
    return plan + out.join('\n') + '\n';
}

export function registry(): string {
    return readFileSync(join(EXAMPLES, 'so-van-ban.thidua'), 'utf8');
}

/** A folder of `documents` plans of 100 lines and the registry, and a plan of `bigLines` lines if asked. */
export function workspaceFolder(documents: number, bigLines?: number): { folder: string; big?: string } {
    const folder = mkdtempSync(join(tmpdir(), 'thidua-bench-'));
    writeFileSync(join(folder, 'so-van-ban.thidua'), registry());
    for (let i = 0; i < documents; i++)
        writeFileSync(
            join(folder, `vb-${String(i).padStart(4, '0')}.thidua`),
            generateDocument(100, 1000 + i, `d${i}_`)
        );
    let big: string | undefined;
    if (bigLines) {
        big = join(folder, 'lon.thidua');
        writeFileSync(big, generateDocument(bigLines, 7));
    }
    return { folder, big };
}

/**
 * An id "{#x …}" that only the folder's file sorting last has (it is indexed last at start-up): found when all are
 * indexed. An id every generated plan has ("nuoc_sach") would be found after the first few.
 */
export function lastIndexedId(folder: string): string {
    const files = readdirSync(folder).sort();
    const idsOf = (f: string) =>
        [...readFileSync(join(folder, f), 'utf8').matchAll(/\{#([A-Za-z0-9_]+)/g)].map(m => m[1]);
    const count = new Map<string, number>();
    for (const f of files) for (const id of new Set(idsOf(f))) count.set(id, (count.get(id) ?? 0) + 1);
    for (const f of files.reverse()) {
        const own = idsOf(f).find(id => count.get(id) === 1);
        if (own) return own;
    }
    throw new Error('no id of its own in any file');
}

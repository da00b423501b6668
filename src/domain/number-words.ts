const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/** 0–999 in words; `full` reads leading zeros ("không trăm lẻ năm") inside a larger number. */
function hundreds(n: number, full: boolean): string {
    const h = Math.floor(n / 100),
        t = Math.floor((n % 100) / 10),
        u = n % 10;
    const out: string[] = [];
    if (h > 0 || full) out.push(`${DIGITS[h]} trăm`);
    if (t > 1) {
        out.push(`${DIGITS[t]} mươi`);
        if (u === 1) out.push('mốt');
        else if (u === 4) out.push('tư');
        else if (u === 5) out.push('lăm');
        else if (u > 0) out.push(DIGITS[u]);
    } else if (t === 1) {
        out.push('mười');
        if (u === 5) out.push('lăm');
        else if (u > 0) out.push(DIGITS[u]);
    } else if (u > 0) {
        if (h > 0 || full) out.push('lẻ');
        out.push(DIGITS[u]);
    }
    return out.join(' ');
}

const SCALES = ['', 'nghìn', 'triệu', 'tỷ'];

/** A number read in Vietnamese words: 22400 → "hai mươi hai nghìn bốn trăm"; 60,7 → "sáu mươi phẩy bảy". */
export function numberToWords(value: number): string {
    if (!Number.isFinite(value)) return String(value);
    if (value < 0) return `âm ${numberToWords(-value)}`;
    const [intPart, fracPart] = String(Math.round(value * 1e6) / 1e6).split('.');
    let n = Number(intPart);
    let words: string;
    if (n === 0) words = 'không';
    else {
        const groups: number[] = [];
        while (n > 0) {
            groups.push(n % 1000);
            n = Math.floor(n / 1000);
        }
        const parts: string[] = [];
        for (let i = groups.length - 1; i >= 0; i--) {
            if (groups[i] === 0) continue;
            const scale = i === 0 ? '' : i % 3 === 0 ? 'tỷ' : SCALES[i % 3];
            parts.push([hundreds(groups[i], i < groups.length - 1), scale].filter(Boolean).join(' '));
        }
        words = parts.join(' ');
    }
    if (fracPart) words += ' phẩy ' + [...fracPart].map(d => DIGITS[Number(d)]).join(' ');
    return words;
}

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

export function weekdayOf(year: number, month: number, day: number): string {
    return WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
}

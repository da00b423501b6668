/** A number written in Vietnamese notation: "." groups thousands, "," marks decimals. */
export interface ViNumber {
    value: number;
    raw: string;
    /** `22,400`: three digits after a comma may be a mistyped thousands separator. */
    ambiguous?: boolean;
    /** `2.5`: a dot used as the decimal mark. */
    dotDecimal?: boolean;
}

export const VI_NUMBER_SOURCE = '[0-9]{1,3}(?:\\.[0-9]{3})+(?:,[0-9]+)?|[0-9]+(?:[,.][0-9]+)?';

export function parseViNumber(raw: string): ViNumber | undefined {
    const s = raw.trim();
    if (/^[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?$/.test(s)) {
        return { value: Number(s.replace(/\./g, '').replace(',', '.')), raw };
    }
    if (/^[0-9]+,[0-9]+$/.test(s)) {
        const [int, frac] = s.split(',');
        return { value: Number(`${int}.${frac}`), raw, ambiguous: frac.length === 3 && int !== '0' };
    }
    if (/^[0-9]+\.[0-9]+$/.test(s)) {
        return { value: Number(s), raw, dotDecimal: true };
    }
    if (/^[0-9]+$/.test(s)) {
        return { value: Number(s), raw };
    }
    return undefined;
}

/** Formats a number the Vietnamese way: 1571.822 → "1.571,822". */
export function formatViNumber(value: number, decimals?: number): string {
    const fixed = decimals === undefined ? String(Math.round(value * 1e6) / 1e6) : value.toFixed(decimals);
    const [int, frac] = fixed.split('.');
    const sign = int.startsWith('-') ? '-' : '';
    const digits = sign ? int.slice(1) : int;
    const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    return sign + grouped + (frac ? ',' + frac : '');
}

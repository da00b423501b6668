/**
 * A Vietnamese text without its marks, lower-cased: "chi tieu" for "Chỉ tiêu", "bang khen" for "Bằng khen". For
 * matching what a drafter typed without diacritics, and initials ("gdđt" → "gddt").
 */
export function fold(s: string): string {
    return s
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/đ/g, 'd')
        .replace(/Đ/g, 'D')
        .toLowerCase();
}

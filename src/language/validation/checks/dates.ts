import type { AstNode, ValidationAcceptor } from 'langium';
import {
    blanksToSpaces,
    isCompleteDate,
    isRealDate,
    longForm,
    parseDate,
    placeDateSplit,
    shortForm,
    type FoundDate
} from '../../../domain/dates.js';
import type { TextLookups } from '../../model/thidua-document-model.js';
import type { Citation, Document, RegistryEntry, Value } from '../../generated/ast.js';
import { propertyOffset, rangeOf, report } from './rules.js';

function describe(d: FoundDate): string {
    return d.raw.replace(/^ngày\s+/iu, '');
}

/** Dates: real calendar dates; the header date in the official long form; citations normalised. */
export class DateChecks {
    constructor(private readonly lookups: TextLookups) {}

    checkHeaderDate(doc: Document, accept: ValidationAcceptor): void {
        if (!doc.placeDate) return;
        const line = doc.placeDate;
        const at = placeDateSplit(line);
        const written = line.slice(at).trimEnd();
        const date = parseDate(blanksToSpaces(written));
        const base = (propertyOffset(doc, 'placeDate') ?? 0) + at;
        const range = rangeOf(doc, base, base + written.length);
        if (!date) return;
        if (!isRealDate(date)) {
            report(
                accept,
                'ngay-khong-co-that',
                `Ngày "${written}" không có thật trên lịch. Hãy sửa lại ngày, tháng.`,
                { node: doc, range }
            );
            return;
        }
        if (!isCompleteDate(date)) {
            report(
                accept,
                'ngay-ban-hanh-trong',
                'Ngày ban hành còn để trống (dự thảo); ngày được ghi khi văn bản được ký.',
                { node: doc, range }
            );
            return;
        }
        const official = longForm(date);
        if (written.replace(/\s+/g, ' ') !== official) {
            report(
                accept,
                'ngay-ban-hanh-dang-thuc',
                `Ngày ban hành viết đầy đủ theo thể thức: "${official}" (thêm số 0 trước ngày nhỏ hơn 10 và trước tháng 1, 2).`,
                { node: doc, range },
                [{ title: `Viết "${official}"`, edits: [{ range, newText: official }] }]
            );
        }
    }

    checkCitationDate(citation: Citation | RegistryEntry, accept: ValidationAcceptor): void {
        const tail = citation.tail;
        const base = propertyOffset(citation, 'tail');
        if (!tail || base === undefined) return;
        for (const d of this.lookups.dates(tail)) {
            const start = base + d.offset,
                end = start + d.length;
            const range = rangeOf(citation, start, end);
            if (!isRealDate(d)) {
                report(
                    accept,
                    'ngay-khong-co-that',
                    `Ngày "${describe(d)}" không có thật trên lịch. Hãy kiểm tra lại ngày ban hành của văn bản được trích dẫn.`,
                    { node: citation, range }
                );
                continue;
            }
            if (d.form !== 'numeric' || !isCompleteDate(d)) continue;
            const prefix = /^ngày\s+/iu.exec(d.raw)?.[0] ?? '';
            const normal = prefix + shortForm(d);
            if (d.raw !== normal) {
                report(
                    accept,
                    'ngay-trich-dan-dang-thuc',
                    `Có thể viết ngày theo dạng thống nhất "${shortForm(d)}".`,
                    { node: citation, range },
                    [{ title: `Viết "${shortForm(d)}"`, edits: [{ range, newText: normal }] }]
                );
            }
        }
    }

    checkValueDates(value: Value, accept: ValidationAcceptor): void {
        this.checkRealDates(value, 'text', value.text, accept);
    }

    /** Dates written in prose (not inside a typed value) must exist too. */
    checkRealDates(node: AstNode, property: string, text: string | undefined, accept: ValidationAcceptor): void {
        const base = propertyOffset(node, property);
        if (!text || base === undefined) return;
        for (const d of this.lookups.dates(text)) {
            if (isRealDate(d)) continue;
            const range = rangeOf(node, base + d.offset, base + d.offset + d.length);
            report(
                accept,
                'ngay-khong-co-that',
                `Ngày "${describe(d)}" không có thật trên lịch. Hãy sửa lại ngày, tháng.`,
                { node, range }
            );
        }
    }
}

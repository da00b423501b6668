import { AstUtils } from 'langium';
import { describe, expect, test } from 'vitest';
import { toIso } from '../../src/domain/dates.js';
import { isDocument, type Model } from '../../src/language/generated/ast.js';
import { buildModel, type DocumentModel } from '../../src/language/model/thidua-document-model.js';
import type { Target } from '../../src/domain/values.js';
import { loadExamples } from '../helpers.js';

const examples = await loadExamples();
const modelOf = (name: string): DocumentModel => buildModel(examples.get(name)!.parseResult.value as Model);
const findTarget = (m: DocumentModel, name: string): Target => {
    const t = m.indicators.flatMap(i => [...i.value.parts, ...i.value.sub]).find(p => p.name === name);
    if (!t) throw new Error(`no indicator named ${name}`);
    return t;
};

describe('the examples parse and link', () => {
    for (const [name, doc] of examples) {
        test(`${name}: no lexer, parser or linking error`, () => {
            expect(doc.parseResult.lexerErrors).toEqual([]);
            expect(doc.parseResult.parserErrors).toEqual([]);
            expect(
                (doc.diagnostics ?? []).filter(d => (d.data as { code?: string })?.code === 'linking-error')
            ).toEqual([]);
        });
    }
});

describe('typed values of seed 000 (Chỉ thị, Hạ Lang 2023)', () => {
    const m = modelOf('000-chi-thi-ha-lang-2023.thidua');

    test('document kind and title', () => {
        expect(m.kind?.name).toBe('Chỉ thị');
        expect(m.kind?.code).toBe('CT');
        expect(m.subject).toBe('Về việc phát động phong trào thi đua năm 2023');
    });

    test('19 indicators in three groups, numbered 1 to 19 across the groups', () => {
        expect(m.indicators.map(i => i.number)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
        const groups = new Set(m.indicators.map(i => i.section));
        expect(groups.size).toBe(1);
    });

    test('"22.400 triệu đồng" is 22400 triệu đồng, with its id', () => {
        const i = m.indicators.find(x => x.id === 'thu_ngan_sach')!;
        const t = i.value.parts[0];
        expect(t.name).toBe('Thu ngân sách trên địa bàn');
        expect(t.quantity).toEqual({ kind: 'number', number: { value: 22400, raw: '22.400' } });
        expect(t.unit).toBe('triệu đồng');
        expect(t.unitInfo?.factor).toBe(1_000_000);
    });

    test('"13/13 xã, thị trấn" is a fraction 13 of 13', () => {
        const t = findTarget(m, 'Duy trì');
        expect(t.quantity).toMatchObject({ kind: 'fraction', numerator: { value: 13 }, denominator: { value: 13 } });
        expect(t.unit).toBe('xã, thị trấn');
        expect(t.subject).toBe('đạt Bộ tiêu chí Quốc gia về y tế xã');
    });

    test('comparators, percentages and qualitative targets', () => {
        expect(findTarget(m, 'Giảm tỷ lệ hộ nghèo')).toMatchObject({
            comparator: 'ge',
            unit: '%',
            quantity: { number: { value: 5 } }
        });
        expect(findTarget(m, 'Tỷ lệ hộ dân được sử dụng nước hợp vệ sinh')).toMatchObject({
            comparator: 'gt',
            comparatorText: 'trên',
            quantity: { number: { value: 99 } }
        });
        expect(findTarget(m, 'Duy trì độ che phủ rừng')).toMatchObject({
            quantity: { number: { value: 60.7 } },
            unit: '%'
        });
        expect(findTarget(m, 'Kết quả cải cách hành chính các đơn vị')).toMatchObject({
            quantity: { kind: 'qualitative', text: 'khá trở lên' },
            comparator: 'ge'
        });
        expect(findTarget(m, 'Bê tông hóa đường liên thôn, ngõ xóm, đường nội đồng')).toMatchObject({
            quantity: { number: { value: 10 } },
            unit: 'km'
        });
    });

    test('compound target (85% …; 58% …; 94% …) and sub-indicator ("trong đó")', () => {
        const compound = m.indicators.find(i => i.number === 12)!;
        expect(
            compound.value.parts.map(p => (p.quantity && 'number' in p.quantity ? p.quantity.number.value : undefined))
        ).toEqual([85, 58, 94]);
        expect(compound.value.parts[1].subject).toBe('làng, tổ dân phố đạt danh hiệu văn hóa');
        const withSub = m.indicators.find(i => i.number === 16)!;
        expect(withSub.value.parts[0]).toMatchObject({
            name: 'Tỷ lệ lao động qua đào tạo',
            quantity: { number: { value: 40 } },
            unit: '%'
        });
        expect(withSub.value.sub[0]).toMatchObject({
            name: 'đào tạo nghề',
            verb: 'là',
            quantity: { number: { value: 26 } },
            unit: '%'
        });
    });

    test('citations: type, number, code, date and issuer; "ngày 7/4/2014" is 2014-04-07', () => {
        const c = m.citations.find(x => x.info.docNumber?.raw === '34-CT/TW')!.info;
        expect(c.kind?.name).toBe('Chỉ thị');
        expect(c.docNumber).toMatchObject({ form: 'party', number: 34, typeCode: 'CT', issuerCode: 'TW' });
        expect(toIso(c.date!)).toBe('2014-04-07');
        expect(c.issuer).toBe('Bộ Chính trị');
        const nq = m.citations.find(x => x.info.docNumber?.raw === '26/NQ-HĐND')!.info;
        expect(nq.docNumber).toMatchObject({ form: 'state', number: 26, typeCode: 'NQ', issuerCode: 'HĐND' });
        expect(nq.issuer).toBe('Hội đồng nhân dân huyện');
        const named = m.citations.find(x => x.info.name?.includes('lần thứ XVI'))!.info;
        expect(named.kind?.name).toBe('Nghị quyết');
        expect(named.docNumber).toBeUndefined();
    });

    test('the citation links to the registry entry across files', () => {
        const doc = examples.get('000-chi-thi-ha-lang-2023.thidua')!;
        const c = m.citations.find(x => x.info.docNumber?.raw === '34-CT/TW')!.node;
        const target = 'number' in c && typeof c.number === 'object' ? c.number.ref : undefined;
        expect(target && AstUtils.getDocument(target).uri.path).toBe('/ws/so-van-ban.thidua');
        expect(isDocument(doc.parseResult.value)).toBe(true);
    });

    test('the campaign period runs from the launch to 31/12/2023; the period 2021-2015 is kept as written', () => {
        expect(m.campaignPeriod?.value.start).toEqual({ kind: 'issuance' });
        expect(toIso(m.campaignPeriod!.value.end!.date!)).toBe('2023-12-31');
        expect(m.campaignYear).toBe(2023);
        const wrong = m.values.find(v => v.value.raw === 'giai đoạn 2021-2015')!.value;
        expect(wrong).toMatchObject({
            type: 'period',
            start: { kind: 'year', year: 2021 },
            end: { kind: 'year', year: 2015 }
        });
    });

    test('chủ đề, movements in quotes, and the closing mark', () => {
        expect(m.themes.map(t => [t.label, t.year, t.text])).toEqual([
            ['chủ đề', undefined, 'Đoàn kết, kỷ cương, gương mẫu, chủ động đổi mới, sáng tạo, khát vọng phát triển']
        ]);
        expect(m.movements.map(x => x.name)).toContain('Hạ Lang chung sức xây dựng nông thôn mới');
        expect(m.movements.map(x => x.name)).toContain('Dân vận khéo');
        expect(m.movements.map(x => x.name)).not.toContain('tự diễn biến');
        expect(m.closed).toBe(true);
    });

    test('Nơi nhận and signature', () => {
        expect(m.recipients[0]).toBe('Ban TĐKT, Sở nội vụ;');
        expect(m.recipients.at(-1)).toBe('Lưu: VT, NV.');
        expect(m.signature).toEqual({
            authority: undefined,
            authorities: [],
            titles: ['CHỦ TỊCH'],
            signer: 'Nguyễn Phương Huy',
            notes: [],
            others: []
        });
    });

    test('assignments of tổ chức thực hiện: agency and role', () => {
        const noiVu = m.assignments.find(a => a.assignment.agency === 'Phòng Nội vụ')!.assignment;
        expect(noiVu.role).toBe('chủ trì');
        const mttq = m.assignments.find(a => a.assignment.agency.startsWith('Ủy ban Mặt trận'))!.assignment;
        expect(mttq.role).toBe('đề nghị');
    });
});

describe('typed values of seed 001 (Kế hoạch, chủ đề năm 2023)', () => {
    const m = modelOf('001-ke-hoach-chu-de-nam-2023.thidua');

    test('"1.571,822 tỷ đồng" is 1571.822 tỷ đồng', () => {
        const t = m.indicators.find(i => i.id === 'gia_tri_nong_nghiep')!.value.parts[0];
        expect(t.quantity).toMatchObject({ kind: 'number', number: { value: 1571.822 } });
        expect(t.unit).toBe('tỷ đồng');
    });

    test('comparison with a baseline', () => {
        const t = findTarget(m, 'Giá trị sản xuất công nghiệp và tỷ trọng công nghiệp khu vực huyện quản lý');
        expect(t.quantity).toMatchObject({ number: { value: 790 } });
        expect(t.comparison).toMatchObject({
            direction: 'tăng',
            percent: { value: 14.38 },
            baseline: 'ước thực hiện năm 2022'
        });
        const thu = findTarget(m, 'Tổng thu ngân sách nhà nước trên địa bàn');
        expect(thu.comparison).toMatchObject({
            direction: 'bằng',
            percent: { value: 113 },
            baseline: 'ước thực hiện năm 2022'
        });
    });

    test('ranges, "dưới", "trên", remarks and sub-indicators', () => {
        expect(findTarget(m, 'Xây dựng')).toMatchObject({
            quantity: { kind: 'range', low: { value: 2 }, high: { value: 3 } },
            unit: 'trường'
        });
        expect(findTarget(m, 'Tỷ lệ tăng dân số tự nhiên')).toMatchObject({
            comparator: 'lt',
            quantity: { number: { value: 0.73 } },
            unit: '%'
        });
        expect(findTarget(m, 'Giải quyết việc làm')).toMatchObject({
            comparator: 'gt',
            quantity: { number: { value: 3250 } },
            unit: 'người'
        });
        expect(findTarget(m, 'Mức giảm tỷ lệ hộ nghèo')).toMatchObject({
            quantity: { number: { value: 0.4 } },
            unit: '%',
            remark: 'còn 303 hộ'
        });
        const sub = m.indicators.find(i => i.value.isSub)!;
        expect(sub.value.parts[0]).toMatchObject({
            name: 'Tỷ lệ qua đào tạo có chứng chỉ nghề 3 tháng trở lên',
            quantity: { number: { value: 39.5 } }
        });
    });

    test('peak phases tied to anniversaries', () => {
        const anniversaries = m.values.filter(v => v.value.type === 'anniversary').map(v => v.value);
        expect(anniversaries[0]).toMatchObject({
            count: 75,
            countUnit: 'năm',
            event: 'ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc',
            origin: { kind: 'date', date: { day: 11, month: 6, year: 1948 } },
            anniversary: { kind: 'date', date: { day: 11, month: 6, year: 2023 } }
        });
        expect(anniversaries[1]).toMatchObject({
            count: 35,
            origin: { kind: 'year', year: 1988 },
            anniversary: { kind: 'year', year: 2023 }
        });
    });

    test('the period "từ nay đến hết tháng 12 năm 2023" ends with December 2023', () => {
        expect(m.campaignPeriod?.value).toMatchObject({
            start: { kind: 'now' },
            end: { kind: 'date', date: { month: 12, year: 2023, form: 'month' } }
        });
    });

    test('the themes the plan gives itself, with their years (one says 2022 in a 2023 plan)', () => {
        expect(m.themes.map(t => t.year)).toEqual([2023, 2023, 2023, 2023, 2022]);
        expect(m.basis.map(b => b.parts.length)).toEqual([3]);
    });

    test('signature with quyền hạn', () => {
        expect(m.signature).toMatchObject({
            authority: 'TM. ỦY BAN NHÂN DÂN',
            titles: ['CHỦ TỊCH'],
            signer: 'Ngô Thị Thanh Thủy'
        });
    });
});

describe('typed values of seed 002 (draft Kế hoạch, Tam Đường)', () => {
    const m = modelOf('002-ke-hoach-tam-duong-20-nam.thidua');

    test('the draft header keeps its blanks: number and day/month left empty', () => {
        expect(m.number).toMatchObject({ form: 'state', number: undefined, typeCode: 'KH', issuerCode: 'UBND' });
        expect(m.place).toBe('Tam Đường');
        expect(m.date).toMatchObject({ day: undefined, month: undefined, year: 2022, form: 'long' });
        expect(m.kind?.code).toBe('KH');
    });

    test('period and the anniversary written "20 ngày" (a real slip) are typed', () => {
        expect(m.campaignPeriod?.value).toMatchObject({
            start: { kind: 'now' },
            end: { date: { day: 30, month: 8, year: 2022 } }
        });
        const slip = m.values.find(v => v.value.type === 'anniversary' && v.value.countUnit === 'ngày')!.value;
        expect(slip).toMatchObject({
            count: 20,
            origin: { date: { year: 2002 } },
            anniversary: { date: { year: 2022 } }
        });
    });

    test('awards: Giấy khen conferred by the Chủ tịch UBND huyện, Bằng khen proposed to the province', () => {
        const giayKhen = m.awards.find(a => a.mention.award.name === 'Giấy khen' && a.mention.conferrer)!.mention;
        expect(giayKhen).toMatchObject({ conferrer: 'Chủ tịch UBND huyện', mode: 'confer' });
        expect(giayKhen.recipients).toMatch(/^tập thể, cá nhân/);
        expect(giayKhen.award.article).toContain('Điều 80');
        const bangKhen = m.awards.filter(a => a.mention.award.name === 'Bằng khen');
        expect(bangKhen.length).toBeGreaterThan(0);
    });
});

describe('typed values of seed 003 (Chỉ thị 12/CT-UBND)', () => {
    const m = modelOf('003-chi-thi-huong-tra-2024.thidua');

    test('header number and long-form date', () => {
        expect(m.number).toMatchObject({
            form: 'state',
            number: 12,
            numberRaw: '12',
            typeCode: 'CT',
            issuerCode: 'UBND'
        });
        expect(toIso(m.date!)).toBe('2023-12-29');
        expect(m.place).toBe('Hương Trà');
    });

    test('reporting cadence "định kỳ 6 tháng và hàng năm"', () => {
        expect(m.values.find(v => v.value.type === 'cadence')?.value).toMatchObject({
            periods: ['6 tháng', 'hàng năm']
        });
    });

    test('19/CT-TTg cited with its issuer; the signature keeps the stray note line', () => {
        const c = m.citations.find(x => x.info.docNumber?.raw === '19/CT-TTg')!.info;
        expect(c).toMatchObject({
            kindText: 'Chỉ thị',
            issuer: 'Thủ tướng Chính phủ',
            date: { day: 16, month: 7, year: 2021 }
        });
        expect(m.signature).toMatchObject({ notes: ['Đề báo cáo'], titles: ['CHỦ TỊCH'], signer: 'Nguyễn Duy Hùng' });
    });
});

describe('typed values of seed 004 (news article, indicators inline in prose)', () => {
    const m = modelOf('004-tin-bai-cho-don-2022.thidua');

    test('inline indicators with units and comparators', () => {
        expect(findTarget(m, 'Sản lượng lương thực bình quân đầu người')).toMatchObject({
            verb: 'đạt',
            comparator: 'gt',
            quantity: { number: { value: 500 } },
            unit: 'kg/người/năm'
        });
        expect(findTarget(m, 'Tổng thu ngân sách Nhà nước trên địa bàn')).toMatchObject({
            quantity: { number: { value: 116000 } },
            unit: 'triệu đồng'
        });
        expect(findTarget(m, 'Số xã đạt chuẩn nông thôn mới')).toMatchObject({
            verb: 'tăng thêm',
            quantity: { number: { value: 2, raw: '02' } },
            unit: 'xã',
            remark: 'Ngọc Phái, Quảng Bạch'
        });
        expect(findTarget(m, 'Tỷ lệ tốt nghiệp THPT quốc gia')).toMatchObject({
            comparator: 'gt',
            quantity: { number: { value: 90 } }
        });
        expect(findTarget(m, 'Tỷ lệ dịch vụ công trực tuyến toàn huyện theo mức độ 4')).toMatchObject({
            quantity: { number: { value: 100 } },
            unit: '%'
        });
    });

    test('the misspelt "Chị thị" is still a citation, with its kind left unknown', () => {
        const c = m.citations.find(x => x.info.kindText === 'Chị thị')!.info;
        expect(c.kind).toBeUndefined();
        expect(c.docNumber?.raw).toBe('34-CT/TW');
    });

    test('a standalone date', () => {
        expect(m.values[0].value).toMatchObject({ type: 'date', date: { day: 26, month: 1, year: 2022 } });
    });
});

describe('the registry', () => {
    test('holds every numbered document the examples cite', () => {
        const registry = modelOf('so-van-ban.thidua');
        const known = new Set(registry.citations.map(c => c.info.docNumber?.raw).filter(Boolean));
        for (const [name] of examples) {
            if (name === 'so-van-ban.thidua') continue;
            for (const c of modelOf(name).citations) {
                if (c.info.docNumber)
                    expect(known, `${name} cites ${c.info.docNumber.raw}`).toContain(c.info.docNumber.raw);
            }
        }
        const entry = registry.citations.find(c => c.info.docNumber?.raw === '19/CT-TTg')!.info;
        expect(entry).toMatchObject({
            kind: { code: 'CT' },
            issuer: 'Thủ tướng Chính phủ',
            date: { day: 16, month: 7, year: 2021 }
        });
    });
});

import awardsData from './data/awards.json' with { type: 'json' };
import sectionsData from './data/sections.json' with { type: 'json' };
import { findDates, type ViDate } from './dates.js';

export type SectionRole = 'muc-tieu' | 'chi-tieu' | 'noi-dung' | 'thoi-gian' | 'khen-thuong' | 'to-chuc';

export const sectionRoles = sectionsData.roles as { role: SectionRole; label: string; patterns: string[] }[];

/** The parts a document of a kind (its type code: KH, CT) must have (Luật 06/2022 Điều 17), if the data says. */
export function requiredParts(kindCode: string): SectionRole[] | undefined {
    const parts: unknown = Reflect.get(sectionsData.requiredByKind, kindCode);
    return Array.isArray(parts) ? (parts as SectionRole[]) : undefined;
}

const CAMPAIGN_SUBJECT = new RegExp(sectionsData.campaignSubject.pattern, 'iu');

/** Whether a document's trích yếu speaks of a campaign (only a campaign document must have its parts); none: yes. */
export function isCampaignSubject(subject: string | undefined): boolean {
    return !subject?.trim() || CAMPAIGN_SUBJECT.test(subject);
}

/** The role of a section from its title (I. MỤC ĐÍCH, YÊU CẦU → muc-tieu). */
/** Every part a title names ("NỘI DUNG, CHỈ TIÊU THI ĐUA" is both the content and the indicators). */
export function sectionRolesOf(title: string): SectionRole[] {
    const t = title.normalize('NFC').toUpperCase();
    return sectionRoles.filter(r => r.patterns.some(p => t.includes(p))).map(r => r.role);
}

export function sectionRoleOf(title: string): SectionRole | undefined {
    const t = title.normalize('NFC').toUpperCase();
    return sectionRoles.find(r => r.patterns.some(p => t.includes(p)))?.role;
}

export type AssignmentRole = 'chủ trì' | 'phối hợp' | 'đề nghị' | 'thực hiện';

/** Tổ chức thực hiện: who does what (agency, role, task, deadline). */
export interface Assignment {
    agency: string;
    role: AssignmentRole;
    task: string;
    deadline?: ViDate;
}

const ACTION =
    /\s(?:có trách nhiệm|chủ trì|chỉ trì|phối hợp|chỉ đạo|hướng dẫn|tham mưu|mở các|căn cứ|thực hiện|tiếp tục|tăng cường|triển khai|theo dõi|tổ chức|đề cao|tích cực|phát huy|kịp thời|xây dựng|đẩy mạnh|nghiêm túc|chịu trách nhiệm|giúp|báo cáo)(?![\p{L}\p{N}])/u;
const AGENCY_HEAD =
    /^(?:các\s+|trưởng\s+|thủ trưởng\s+|chủ tịch\s+)?(?:phòng|sở|ban|trung tâm|ủy ban|uỷ ban|ubnd|ubmttq|mặt trận|hội đồng|văn phòng|công an|ban chỉ huy|quân sự|thủ trưởng|trưởng|chủ tịch|cơ quan|liên đoàn|huyện đoàn|đoàn|hội|bệnh viện|kho bạc|chi cục|cục|bộ|tòa án|viện kiểm sát|đài|báo|ngân hàng|bảo hiểm|cụm|khối)(?![\p{L}\p{N}])/iu;

export function deriveAssignment(text: string): Assignment | undefined {
    let s = text
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^\d+(\.\d+)*[.)]\s*/, '');
    let role: AssignmentRole | undefined;
    if (/^đề nghị\s/iu.test(s)) {
        role = 'đề nghị';
        s = s.replace(/^đề nghị\s+/iu, '');
    } else if (/^giao\s/iu.test(s)) s = s.replace(/^giao\s+/iu, '');
    if (!AGENCY_HEAD.test(s)) return undefined;
    const cut = s.search(ACTION);
    const agency = (cut > 0 ? s.slice(0, cut) : s.split(/[,;.]/)[0]).replace(/\s*\([^)]*\)\s*$/, '').trim();
    if (!agency || agency.length > 160) return undefined;
    const task = (cut > 0 ? s.slice(cut) : s.slice(agency.length)).trim();
    if (!role)
        role = /(?<![\p{L}\p{N}])(?:chủ trì|chỉ trì)(?![\p{L}\p{N}])/iu.test(task)
            ? 'chủ trì'
            : /(?<![\p{L}\p{N}])phối hợp(?![\p{L}\p{N}])/iu.test(task)
              ? 'phối hợp'
              : 'thực hiện';
    const due = /(?:trước|chậm nhất|hạn)\s+(?:ngày\s+)?/iu.exec(task);
    const deadline = due ? findDates(task.slice(due.index))[0] : undefined;
    return { agency, role, task, deadline };
}

export interface AwardInfo {
    name: string;
    kind: string;
    article: string;
}
export const awardForms = awardsData.awards as AwardInfo[];

/** An award the document promises or proposes: form, conferrer, recipients. */
export interface AwardMention {
    award: AwardInfo;
    text: string;
    conferrer?: string;
    /** "confer": the conferrer gives it; "propose": the document asks a higher level. */
    mode: 'confer' | 'propose';
    recipients?: string;
    offset: number;
}

const awardsLongestFirst = [...awardForms].sort((a, b) => b.name.length - a.name.length);
const awardByName = new Map(awardForms.map(a => [a.name.toLowerCase(), a]));
/** One pass over a line finds every award named in it (longest name first at each place). */
const AWARD = new RegExp(awardsLongestFirst.map(a => a.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu');

export function findAwards(text: string): AwardMention[] {
    const out: AwardMention[] = [];
    AWARD.lastIndex = 0;
    for (let m = AWARD.exec(text); m; m = AWARD.exec(text)) {
        const award = awardByName.get(m[0].toLowerCase())!;
        const i = m.index;
        const name = m[0];
        const before = text.slice(0, i);
        const after = text.slice(i + name.length);
        const sentenceStart = Math.max(before.lastIndexOf('.'), before.lastIndexOf(';')) + 1;
        const sentence = before.slice(sentenceStart);
        let conferrer =
            /(?:^|\s)((?:Chủ tịch|Thủ tướng|Bộ trưởng|Giám đốc|Thủ trưởng)[^,;.]*?)\s+(?:tặng|khen thưởng|quyết định tặng)\s*$/u.exec(
                sentence
            )?.[1];
        conferrer ??= /^\s+(?:của\s+)((?:Chủ tịch|Thủ tướng|Bộ trưởng|Giám đốc|Thủ trưởng|Ủy ban|UBND)[^,;.:]*)/u.exec(
            after
        )?.[1];
        const propose =
            /(?<![\p{L}\p{N}])(?:đề nghị|trình|đề xuất)(?![\p{L}\p{N}])/iu.test(sentence) ||
            /(?<![\p{L}\p{N}])(?:trình|đề nghị)(?![\p{L}\p{N}])[^.]*(?:tỉnh|Thủ tướng|Chủ tịch nước)/iu.test(
                after.split(/[.;]/)[0] ?? ''
            );
        const recipients = /^\s+(?:[^,;.]*?\s)?cho\s+([^.;]+)/u.exec(after)?.[1]?.trim();
        out.push({
            award,
            text: text.slice(i, i + name.length),
            conferrer: conferrer?.trim(),
            mode: propose ? 'propose' : 'confer',
            recipients,
            offset: i
        });
    }
    return out;
}

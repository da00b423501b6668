import type { ValidationAcceptor } from 'langium';
import sectionsData from '../../../domain/data/sections.json' with { type: 'json' };
import signaturesData from '../../../domain/data/signatures.json' with { type: 'json' };
import {
    isCampaignSubject,
    requiredParts,
    sectionRoleOf,
    sectionRolesOf,
    type SectionRole
} from '../../../domain/organisation.js';
import { plainText, inlineSource, lineSource } from '../../syntax/ast-text.js';
import { isKhoan, isSection, isSubKhoan, isTable, type Document, type Section } from '../../generated/ast.js';
import type { ThiduaDocumentModel } from '../../model/thidua-document-model.js';
import { rangeOf, report, type Fix } from './rules.js';

const ROMANS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];
const order = sectionsData.order as SectionRole[];
const skeletons = sectionsData.skeletons as Record<SectionRole, string[]>;
const labels = Object.fromEntries(sectionsData.roles.map(r => [r.role, r.label])) as Record<SectionRole, string>;
const issuedByCollective = new RegExp(signaturesData.issuedByCollective, 'u');
const issuedByHead = new RegExp(signaturesData.issuedByHead, 'u');

/** Required parts (Luật 06/2022 Điều 17), Nơi nhận and the signature block (NĐ 30 Điều 13, Phụ lục I). */
export class StructureChecks {
    constructor(private readonly models: ThiduaDocumentModel) {}

    checkRequiredParts(doc: Document, accept: ValidationAcceptor): void {
        const model = this.models.get(doc);
        const needed = model.kind?.code ? requiredParts(model.kind.code) : undefined;
        if (!needed || !doc.kind || !isCampaignSubject(model.subject)) return;
        const present = new Set<SectionRole>();
        for (const s of model.sections) for (const r of sectionRolesOf(s.title)) present.add(r);
        for (const s of doc.body.filter(isSection)) {
            for (const k of s.items) {
                if (!isKhoan(k)) continue;
                for (const r of sectionRolesOf(plainText(inlineSource(k.parts)).slice(0, 60))) present.add(r);
                for (const sub of k.items.filter(isSubKhoan)) {
                    for (const r of sectionRolesOf(plainText(inlineSource(sub.parts)).slice(0, 60))) present.add(r);
                }
            }
        }
        if (present.has('muc-tieu') || present.has('chi-tieu')) present.add('muc-tieu');
        for (const role of needed.filter(r => !present.has(r))) {
            report(
                accept,
                'thieu-phan',
                `${model.kind!.name} phát động thi đua cần có phần "${labels[role]}" nhưng văn bản chưa có. Hãy bổ sung mục này.`,
                { node: doc, property: 'kind' },
                this.skeletonFix(doc, role, model.campaignYear)
            );
        }
    }

    private skeletonFix(doc: Document, role: SectionRole, year: number | undefined): Fix[] {
        const sections = doc.body.filter(isSection);
        const roleOf = (s: Section) => sectionRoleOf(plainText(inlineSource(s.parts)));
        const rank = order.indexOf(role);
        const before = sections.find(s => {
            const r = roleOf(s);
            return r !== undefined && order.indexOf(r) > rank;
        });
        const index = before ? sections.indexOf(before) : sections.length;
        const lines = skeletons[role].map(l => l.replace('{year}', String(year ?? new Date().getFullYear())));
        const block = `${ROMANS[index] ?? String(index + 1)}. ${lines[0]}\n${lines.slice(1).join('\n')}\n\n`;
        const edits = [];
        let at: number;
        if (before?.$cstNode) at = before.$cstNode.offset;
        else if (doc.noiNhan?.$cstNode) at = doc.noiNhan.$cstNode.offset;
        else if (doc.signature?.$cstNode) at = doc.signature.$cstNode.offset;
        else at = doc.$cstNode ? doc.$cstNode.end : 0;
        const prefix = !before && !doc.noiNhan && !doc.signature ? '\n' : '';
        edits.push({ range: rangeOf(doc, at, at), newText: prefix + block });
        sections.slice(index).forEach((s, i) => {
            // Emphasis written around the numeral ("**II.") stays.
            const lead = /^\**/.exec(s.mark)![0].length;
            const mark = (s.$cstNode ? s.$cstNode.offset : 0) + lead;
            edits.push({
                range: rangeOf(doc, mark, mark + s.mark.length - lead),
                newText: `${ROMANS[index + 1 + i] ?? index + 2 + i}.`
            });
        });
        return [{ title: `Thêm mục "${labels[role]}"`, edits }];
    }

    checkNoiNhan(doc: Document, accept: ValidationAcceptor): void {
        const model = this.models.get(doc);
        if (!model.kind) return;
        if (!doc.noiNhan) {
            const at = doc.signature?.$cstNode?.offset ?? doc.$cstNode?.end ?? 0;
            report(
                accept,
                'noi-nhan-thieu',
                'Văn bản chưa có phần "Nơi nhận:". Hãy ghi nơi nhận, mỗi nơi một dòng "- …;", dòng cuối "- Lưu: VT, …".',
                { node: doc, property: 'kind' },
                [
                    {
                        title: 'Thêm phần Nơi nhận',
                        edits: [
                            {
                                range: rangeOf(doc, at, at),
                                newText: `${doc.signature ? '' : '\n'}Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\n`
                            }
                        ]
                    }
                ]
            );
            return;
        }
        const items = doc.noiNhan.items;
        const last = items[items.length - 1];
        const lastText = last ? plainText(inlineSource(last.parts)).trim() : '';
        // A Party document keeps its copy at its own office ("- Lưu Văn phòng Huyện ủy."; HD 36-HD/VPTW).
        const party = model.number?.form === 'party' || doc.headerLines.some(h => h.quocHieu?.startsWith('ĐẢNG'));
        if (party && last && /^Lưu(?![\p{L}])/u.test(lastText)) return;
        if (!last || !/^Lưu\s*:\s*VT(?![\p{L}])/u.test(lastText)) {
            const end = (last ?? doc.noiNhan).$cstNode!.end;
            const fix: Fix =
                last && /^Lưu\s*:/u.test(lastText)
                    ? {
                          title: 'Thêm "VT" vào dòng Lưu',
                          edits: [
                              {
                                  range: rangeOf(
                                      doc,
                                      last.$cstNode!.offset + lineSource(last).indexOf(':') + 1,
                                      last.$cstNode!.offset + lineSource(last).indexOf(':') + 1
                                  ),
                                  newText: ' VT,'
                              }
                          ]
                      }
                    : {
                          title: 'Thêm dòng "- Lưu: VT."',
                          edits: [{ range: rangeOf(doc, end, end), newText: '\n- Lưu: VT.' }]
                      };
            const where = last
                ? {
                      node: last,
                      range: rangeOf(
                          doc,
                          last.$cstNode!.offset,
                          last.$cstNode!.offset + lineSource(last).trimEnd().length
                      )
                  }
                : { node: doc.noiNhan };
            report(
                accept,
                'noi-nhan-luu',
                'Dòng cuối của Nơi nhận phải là "- Lưu: VT, …" (lưu tại Văn thư và đơn vị soạn thảo).',
                where,
                [fix]
            );
        }
        items.forEach((item, i) => {
            const text = plainText(inlineSource(item.parts)).trimEnd();
            const isLast = i === items.length - 1;
            const ok = isLast ? /\.$/.test(text) : /;(\s*\([^()]*\))?$/.test(text);
            if (ok) return;
            const end = item.$cstNode!.offset + lineSource(item).trimEnd().length;
            const trailing = /[.;,:]$/.test(text) ? 1 : 0;
            report(
                accept,
                'noi-nhan-dau-cau',
                isLast
                    ? 'Dòng cuối của Nơi nhận phải kết thúc bằng dấu chấm. Hãy đặt dấu "." ở cuối dòng.'
                    : 'Mỗi dòng của Nơi nhận (trừ dòng cuối) phải kết thúc bằng dấu chấm phẩy. Hãy đặt dấu ";" ở cuối dòng.',
                { node: item, range: rangeOf(doc, item.$cstNode!.offset, end) },
                [
                    {
                        title: isLast ? 'Kết thúc bằng "."' : 'Kết thúc bằng ";"',
                        edits: [{ range: rangeOf(doc, end - trailing, end), newText: isLast ? '.' : ';' }]
                    }
                ]
            );
        });
    }

    checkSignature(doc: Document, accept: ValidationAcceptor): void {
        const sig = doc.signature;
        const model = this.models.get(doc);
        if (!sig || !model.kind) return;
        const authority = model.signature?.authorities[0];
        const deputy = model.signature?.authorities[1];
        const title = model.signature?.titles[0] ?? '';
        const text = doc.body.flatMap(b => (isTable(b) ? [] : [plainText(lineSource(b))])).join('\n');
        const collectiveIssuer = model.issuer
            ? signaturesData.collectiveBodies.some(b => model.issuer!.startsWith(b)) && model.kind.code === 'KH'
            : issuedByCollective.test(text);
        if (authority?.startsWith('TM.')) {
            const body = authority.slice(3).trim();
            const known = signaturesData.collectiveBodies.find(b => body.startsWith(b));
            const head = known ? (signaturesData.heads as Record<string, string>)[known] : undefined;
            const singleHead =
                !known && signaturesData.singleHeadOrgans.some(w => body === w || body.startsWith(w + ' '));
            if (singleHead) {
                report(
                    accept,
                    'chu-ky-tham-quyen',
                    `"TM." chỉ dùng khi ký thay mặt một tập thể (Ủy ban nhân dân, Hội đồng …); "${body}" không phải tập thể lãnh đạo.`,
                    { node: sig, property: 'authorities' }
                );
            } else if (deputy?.startsWith('KT.') && !/^PHÓ\s/u.test(title)) {
                report(
                    accept,
                    'chu-ky-tham-quyen',
                    `Ký "KT." (ký thay) thì người ký là cấp phó, chức vụ bắt đầu bằng "PHÓ", không phải "${title}".`,
                    { node: sig, property: 'titles' }
                );
            } else if (head && !deputy && title !== head) {
                report(
                    accept,
                    'chu-ky-tham-quyen',
                    `Ký "TM. ${known}" thì chức vụ người ký là "${head}", không phải "${title}".`,
                    { node: sig, property: 'titles' }
                );
            } else if (model.kind.code === 'CT' && issuedByHead.test(text)) {
                const start = sig.$cstNode!.offset + sig.$cstNode!.text.indexOf(sig.authorities[0]);
                report(
                    accept,
                    'chu-ky-tham-quyen',
                    'Chỉ thị do Chủ tịch ban hành thì Chủ tịch ký trực tiếp ("CHỦ TỊCH"), không ký "TM." thay mặt tập thể.',
                    { node: sig, property: 'authorities' },
                    [
                        {
                            title: 'Bỏ dòng "TM. …"',
                            edits: [{ range: rangeOf(doc, start, start + sig.authorities[0].length + 1), newText: '' }]
                        }
                    ]
                );
            }
        } else if (authority?.startsWith('KT.') && !/^PHÓ\s/u.test(title)) {
            report(
                accept,
                'chu-ky-tham-quyen',
                `Ký "KT." (ký thay) thì người ký là cấp phó, chức vụ bắt đầu bằng "PHÓ", không phải "${title}".`,
                { node: sig, property: 'titles' }
            );
        } else if (!authority && collectiveIssuer && title === 'CHỦ TỊCH') {
            const at = sig.$cstNode!.offset + sig.$cstNode!.text.indexOf(sig.titles[0]);
            report(
                accept,
                'chu-ky-tham-quyen',
                'Kế hoạch do Ủy ban nhân dân ban hành thì Chủ tịch ký thay mặt tập thể: "TM. ỦY BAN NHÂN DÂN" rồi "CHỦ TỊCH".',
                { node: sig, property: 'titles' },
                [
                    {
                        title: 'Thêm dòng "TM. ỦY BAN NHÂN DÂN"',
                        edits: [{ range: rangeOf(doc, at, at), newText: 'TM. ỦY BAN NHÂN DÂN\n' }]
                    }
                ]
            );
        }
    }
}

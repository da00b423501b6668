import {
    CstUtils,
    GrammarAST,
    isAstNode,
    type AstNode,
    type CstNode,
    type CstNodeBuilder,
    type Linker,
    type ValueConverter
} from 'langium';
import type { IToken, TokenType } from 'chevrotain';

type Node = AstNode & Record<string, unknown>;
type Feature = GrammarAST.AbstractElement;

/** Thrown where a text leaves the grammar's plain path: Langium's parser, with its recovery, reads that text. */
const LEAVE = Symbol('leave');

/** What a grammar element does with the token or node it reads (LangiumParser getAssignment, once per element). */
interface Slot {
    feature: Feature;
    assignment?: GrammarAST.Assignment;
    crossRef: boolean;
    /** The token is assigned as it is written (a keyword, or a terminal the converter gives back unchanged). */
    asIs: boolean;
}

/** The value converter, and which terminals it gives back unchanged (ThiduaValueConverter). */
export type Converter = ValueConverter & { convertsAsIs?(rule: GrammarAST.AbstractRule): boolean };

/** The grammar elements of one rule by what they read, in the order the rule reads them. */
class RuleElements {
    private readonly byName = new Map<string, Slot[]>();

    constructor(
        rule: GrammarAST.AbstractRule,
        private readonly converter: Converter
    ) {
        if (GrammarAST.isParserRule(rule)) this.collect(rule.definition);
    }

    private asIs(element: Feature): boolean {
        if (GrammarAST.isKeyword(element)) return true;
        const call = GrammarAST.isCrossReference(element) ? element.terminal : element;
        const rule = GrammarAST.isRuleCall(call) ? call.rule.ref : undefined;
        return !!rule && GrammarAST.isTerminalRule(rule) && this.converter.convertsAsIs?.(rule) === true;
    }

    private collect(element: Feature): void {
        const name = GrammarAST.isRuleCall(element)
            ? element.rule.ref?.name
            : GrammarAST.isKeyword(element)
              ? element.value
              : GrammarAST.isCrossReference(element) && GrammarAST.isRuleCall(element.terminal)
                ? element.terminal.rule.ref?.name
                : undefined;
        if (name !== undefined) {
            let e: AstNode | undefined = element;
            while (e && !GrammarAST.isAssignment(e)) e = e.$container;
            const assignment = e as GrammarAST.Assignment | undefined;
            const slot: Slot = {
                feature: element,
                assignment,
                crossRef: !!assignment && GrammarAST.isCrossReference(assignment.terminal),
                asIs: this.asIs(element)
            };
            const list = this.byName.get(name);
            if (list) list.push(slot);
            else this.byName.set(name, [slot]);
        }
        // A cross-reference is consumed as one element: the terminal inside it is not read on its own.
        if (GrammarAST.isCrossReference(element)) return;
        if (GrammarAST.isGroup(element) || GrammarAST.isAlternatives(element) || GrammarAST.isUnorderedGroup(element))
            for (const e of element.elements) this.collect(e);
        else if (GrammarAST.isAssignment(element)) this.collect(element.terminal);
    }

    /** The `n`th element that reads `name` (a rule, a terminal, a keyword, or a cross-reference by its terminal). */
    reads(name: string, n = 0): Slot {
        const slot = this.byName.get(name)?.[n];
        if (!slot) throw new Error(`direct parser: no ${n}th ${name}`);
        return slot;
    }
}

/** The calls of a rule reading the inline parts of a line. */
type InlineCalls = { text: Slot; citation: Slot; value: Slot };

/**
 * A parse of the documents that follow the grammar without a syntax error, in one pass over the tokens, building the
 * tree Langium's parser builds (the same nodes, properties, CST nodes and grammar elements, through the same node
 * builder, converter and linker). At each choice it takes what Langium's parser takes on such a text: the first
 * alternative that can go on, a loop going on while it can. Any other text (a token no rule expects there) is left
 * to Langium's parser (`parse` returns undefined), whose recovery decides what it becomes.
 */
export class DirectParser {
    private tokens: IToken[] = [];
    private hidden: IToken[] = [];
    private i = 0;
    private h = 0;
    private readonly stack: Node[] = [];
    private types?: Record<string, number>;
    private nlLike: boolean[] = [];
    private readonly rules = new Map<string, RuleElements>();

    constructor(
        private readonly grammar: GrammarAST.Grammar,
        private readonly tokenTypes: Record<string, TokenType>,
        private readonly builder: CstNodeBuilder,
        private readonly converter: Converter,
        private readonly linker: Linker,
        private readonly finish: (node: Node) => void
    ) {}

    /** The document's root node, or undefined when the text is Langium's to read (nothing is kept of it then). */
    parse(tokens: IToken[], hidden: IToken[]): { value: AstNode; hidden: IToken[] } | undefined {
        if (!tokens.length) return undefined;
        this.prepare();
        this.tokens = tokens;
        this.hidden = hidden;
        this.i = this.h = 0;
        this.stack.length = 0;
        try {
            const value = this.model();
            if (this.i < tokens.length) return undefined;
            return { value, hidden: hidden.slice(this.h) };
        } catch {
            // A text off the plain path (LEAVE), or anything unforeseen: Langium's parser reads it.
            return undefined;
        } finally {
            this.tokens = this.hidden = [];
            this.stack.length = 0;
        }
    }

    // --- the grammar's rules (language/thidua.langium), each as its rule reads ---

    private model(): Node {
        const rule = this.rule('Model');
        this.open('Model');
        const t = this.t;
        const registry = this.at(0) === t.REGISTRY_TITLE || (this.isNl(0) && this.at(1) === t.REGISTRY_TITLE);
        if (registry) this.call(rule.reads('RegistryDoc'), this.registryDoc);
        else this.call(rule.reads('Document'), this.document);
        const value = this.close();
        if (value.$cstNode) (value.$cstNode as { astNode?: AstNode }).astNode = value;
        return value;
    }

    private registryDoc(): Node {
        const rule = this.rule('RegistryDoc');
        const t = this.t;
        this.open('RegistryDoc');
        if (this.isNl(0)) this.take(t.NL, rule.reads('NL', 0));
        this.take(t.REGISTRY_TITLE, rule.reads('REGISTRY_TITLE'));
        this.take(t.NL, rule.reads('NL', 1));
        const entry = rule.reads('RegistryEntry');
        while (this.at(0) === t.BULLET || this.at(0) === t['[']) this.call(entry, this.registryEntry);
        return this.close();
    }

    private registryEntry(): Node {
        const rule = this.rule('RegistryEntry');
        const t = this.t;
        this.open('RegistryEntry');
        if (this.at(0) === t.BULLET) this.take(t.BULLET, rule.reads('BULLET'));
        this.cited(rule);
        this.inlines(this.inlineCalls('RegistryEntry'), false);
        this.take(t.NL, rule.reads('NL'));
        return this.close();
    }

    private document(): Node {
        const rule = this.rule('Document');
        const t = this.t;
        this.open('Document');
        if (this.isNl(0)) this.take(t.NL, rule.reads('NL', 0));
        for (;;) {
            const a = this.at(0);
            // A line in capitals or a rule line alone is a header line; with more on its line, prose.
            if (a === t.QUOC_HIEU || a === t.TIEU_NGU || ((a === t.CAPS_LINE || a === t.RULE_LINE) && this.isNl(1)))
                this.call(rule.reads('HeaderLine'), this.headerLine);
            else if (a === t.NUMBER_LINE) {
                this.take(t.NUMBER_LINE, rule.reads('NUMBER_LINE'));
                this.take(t.NL, rule.reads('NL', 1));
            } else if (a === t.PLACE_DATE_LINE) {
                this.take(t.PLACE_DATE_LINE, rule.reads('PLACE_DATE_LINE'));
                this.take(t.NL, rule.reads('NL', 2));
            } else if (a === t.ABOUT_LINE) {
                this.take(t.ABOUT_LINE, rule.reads('ABOUT_LINE'));
                this.take(t.NL, rule.reads('NL', 3));
            } else break;
        }
        if (this.at(0) === t.KIND_LINE) {
            this.take(t.KIND_LINE, rule.reads('KIND_LINE'));
            this.take(t.NL, rule.reads('NL', 4));
            this.call(rule.reads('Paragraph', 0), this.paragraph);
        }
        this.body(rule, 1);
        if (this.at(0) === t.NOI_NHAN) this.call(rule.reads('NoiNhan'), this.noiNhan);
        const a = this.at(0);
        if (a === t.TEXT || a === t.SIGN_AUTHORITY || a === t.CAPS_LINE)
            this.call(rule.reads('Signature'), this.signature);
        const annex = rule.reads('Annex');
        while (this.at(0) === t.ANNEX_LINE || this.at(0) === t.ATTACHMENT_TITLE || this.startsAnnexHeader(false))
            this.call(annex, this.annex);
        return this.close();
    }

    /** `body+=(Section | Khoan | Table | Paragraph)*` of a document or an annex (`n`: its Paragraph call). */
    private body(rule: RuleElements, n: number): void {
        const t = this.t;
        const section = rule.reads('Section');
        const khoan = rule.reads('Khoan');
        const table = rule.reads('Table');
        const paragraph = rule.reads('Paragraph', n);
        for (;;) {
            const a = this.at(0);
            if (a === t.ROMAN) this.call(section, this.section);
            else if (a === t.NUM1) this.call(khoan, this.khoan);
            else if (a === t['|']) this.call(table, this.table);
            else if (this.startsParagraph(a)) this.call(paragraph, this.paragraph);
            else return;
        }
    }

    private headerLine(): Node {
        const rule = this.rule('HeaderLine');
        const t = this.t;
        this.open('HeaderLine');
        const a = this.at(0);
        if (a === t.CAPS_LINE) this.take(a, rule.reads('CAPS_LINE'));
        else if (a === t.QUOC_HIEU) this.take(a, rule.reads('QUOC_HIEU'));
        else if (a === t.TIEU_NGU) this.take(a, rule.reads('TIEU_NGU'));
        else this.take(t.RULE_LINE, rule.reads('RULE_LINE'));
        this.take(t.NL, rule.reads('NL'));
        return this.close();
    }

    private annex(): Node {
        const rule = this.rule('Annex');
        const t = this.t;
        this.open('Annex');
        if (this.startsAnnexHeader(false)) {
            this.call(rule.reads('AnnexHeaderStart'), this.annexHeaderStart);
            const more = rule.reads('AnnexHeaderLine');
            while (this.startsAnnexHeader(true)) this.call(more, this.annexHeaderLine);
            const a = this.at(0);
            if (a === t.ANNEX_LINE) this.take(a, rule.reads('ANNEX_LINE', 0));
            else if (a === t.ATTACHMENT_TITLE) this.take(a, rule.reads('ATTACHMENT_TITLE', 0));
            else this.take(t.CAPS_LINE, rule.reads('CAPS_LINE'));
        } else if (this.at(0) === t.ANNEX_LINE) this.take(t.ANNEX_LINE, rule.reads('ANNEX_LINE', 1));
        else this.take(t.ATTACHMENT_TITLE, rule.reads('ATTACHMENT_TITLE', 1));
        this.take(t.NL, rule.reads('NL'));
        this.body(rule, 0);
        return this.close();
    }

    /** A header line above an annex's title: its agency first, then (`more`) the Quốc hiệu, Tiêu ngữ, rule lines. */
    private startsAnnexHeader(more: boolean): boolean {
        const t = this.t;
        const a = this.at(0);
        return (
            a === t.ANNEX_AGENCY ||
            (more && (a === t.QUOC_HIEU || a === t.TIEU_NGU || a === t.RULE_LINE || a === t.PLACE_DATE_LINE))
        );
    }

    private annexHeaderStart(): Node {
        return this.annexHeader('AnnexHeaderStart');
    }

    private annexHeaderLine(): Node {
        return this.annexHeader('AnnexHeaderLine');
    }

    private annexHeader(ruleName: string): Node {
        const rule = this.rule(ruleName);
        const t = this.t;
        this.open('HeaderLine');
        const a = this.at(0);
        if (a === t.ANNEX_AGENCY) this.take(a, rule.reads('ANNEX_AGENCY'));
        else if (a === t.QUOC_HIEU) this.take(a, rule.reads('QUOC_HIEU'));
        else if (a === t.TIEU_NGU) this.take(a, rule.reads('TIEU_NGU'));
        else if (a === t.PLACE_DATE_LINE) this.take(a, rule.reads('PLACE_DATE_LINE'));
        else this.take(t.RULE_LINE, rule.reads('RULE_LINE'));
        this.take(t.NL, rule.reads('NL'));
        return this.close();
    }

    private section(): Node {
        return this.item('Section', 'ROMAN', ['Khoan', 'NUM1', this.khoan]);
    }

    private khoan(): Node {
        return this.item('Khoan', 'NUM1', ['SubKhoan', 'NUM2', this.subKhoan]);
    }

    private subKhoan(): Node {
        return this.item('SubKhoan', 'NUM2');
    }

    /** A numbered item: its mark, the rest of its line, then its lines (items of the next level, tables, prose). */
    private item(type: string, mark: string, lower?: [string, string, (this: DirectParser) => Node]): Node {
        const rule = this.rule(type);
        const t = this.t;
        this.open(type);
        this.take(t[mark], rule.reads(mark));
        this.inlines(this.inlineCalls(type), false);
        this.take(t.NL, rule.reads('NL'));
        const lowerCall = lower && rule.reads(lower[0]);
        const table = rule.reads('Table');
        const paragraph = rule.reads('Paragraph');
        for (;;) {
            const a = this.at(0);
            if (lower && a === t[lower[1]]) this.call(lowerCall!, lower[2]);
            else if (a === t['|']) this.call(table, this.table);
            else if (this.startsParagraph(a)) this.call(paragraph, this.paragraph);
            else break;
        }
        return this.close();
    }

    private table(): Node {
        const rule = this.rule('Table');
        this.open('Table');
        const row = rule.reads('TableRow');
        do this.call(row, this.tableRow);
        while (this.at(0) === this.t['|']);
        return this.close();
    }

    private tableRow(): Node {
        const rule = this.rule('TableRow');
        const t = this.t;
        this.open('TableRow');
        this.take(t['|'], rule.reads('|'));
        const cell = rule.reads('TableCell');
        while (this.startsInline(this.at(0)) || this.at(0) === t['|']) this.call(cell, this.tableCell);
        this.take(t.NL, rule.reads('NL'));
        return this.close();
    }

    private tableCell(): Node {
        const rule = this.rule('TableCell');
        const t = this.t;
        this.open('TableCell');
        if (this.startsInline(this.at(0))) {
            this.inlines(this.inlineCalls('TableCell'), true);
            if (this.at(0) === t['|']) this.take(t['|'], rule.reads('|', 0));
        } else this.take(t['|'], rule.reads('|', 1));
        return this.close();
    }

    private paragraph(): Node {
        const rule = this.rule('Paragraph');
        const t = this.t;
        this.open('Paragraph');
        if (this.at(0) === t.BULLET) this.take(t.BULLET, rule.reads('BULLET'));
        const a = this.at(0);
        if (a === t.PAREN_MARK) this.take(a, rule.reads('PAREN_MARK'));
        else if (a === t.LETTER_MARK) this.take(a, rule.reads('LETTER_MARK'));
        this.inlines(this.inlineCalls('Paragraph'), true);
        this.take(t.NL, rule.reads('NL'));
        return this.close();
    }

    /** `parts+=(TextPart | Citation | Value)*` (or `+`). */
    private inlines(calls: InlineCalls, atLeastOne: boolean): void {
        const t = this.t;
        for (let n = 0; ; n++) {
            const a = this.at(0);
            if (a === t['[']) this.call(calls.citation, this.citation);
            else if (a === t['{']) this.call(calls.value, this.value);
            else if (this.isTextPart(a)) this.call(calls.text, this.textPart);
            else if (atLeastOne && n === 0) throw LEAVE;
            else return;
        }
    }

    private textPart(): Node {
        const rule = this.rule('TextPart');
        this.open('TextPart');
        const token = this.tokens[this.i];
        if (!token || !this.isTextPart(token.tokenTypeIdx)) throw LEAVE;
        this.take(token.tokenTypeIdx!, rule.reads(token.tokenType.name));
        return this.close();
    }

    private citation(): Node {
        const rule = this.rule('Citation');
        this.open('Citation');
        this.cited(rule);
        return this.close();
    }

    /**
     * `'[' (head=CITE_TEXT (number=DOC_NUMBER tail=CITE_TEXT?)? | number=DOC_NUMBER tail=CITE_TEXT?) ']'`, as a
     * registry entry and a citation read it.
     */
    private cited(rule: RuleElements): void {
        const t = this.t;
        this.take(t['['], rule.reads('['));
        if (this.at(0) === t.CITE_TEXT) {
            this.take(t.CITE_TEXT, rule.reads('CITE_TEXT', 0));
            if (this.at(0) === t.DOC_NUMBER) {
                this.take(t.DOC_NUMBER, rule.reads('DOC_NUMBER', 0));
                if (this.at(0) === t.CITE_TEXT) this.take(t.CITE_TEXT, rule.reads('CITE_TEXT', 1));
            }
        } else {
            this.take(t.DOC_NUMBER, rule.reads('DOC_NUMBER', 1));
            if (this.at(0) === t.CITE_TEXT) this.take(t.CITE_TEXT, rule.reads('CITE_TEXT', 2));
        }
        this.take(t[']'], rule.reads(']'));
    }

    private value(): Node {
        const rule = this.rule('Value');
        const t = this.t;
        this.open('Value');
        this.take(t['{'], rule.reads('{'));
        if (this.at(0) === t.VALUE_ID) this.take(t.VALUE_ID, rule.reads('VALUE_ID'));
        else if (this.at(0) === t.VALUE_REF) this.take(t.VALUE_REF, rule.reads('VALUE_REF'));
        if (this.at(0) === t.VALUE_TEXT) this.take(t.VALUE_TEXT, rule.reads('VALUE_TEXT'));
        this.take(t['}'], rule.reads('}'));
        return this.close();
    }

    private noiNhan(): Node {
        const rule = this.rule('NoiNhan');
        const t = this.t;
        this.open('NoiNhan');
        this.take(t.NOI_NHAN, rule.reads('NOI_NHAN'));
        this.take(t.NL, rule.reads('NL'));
        const recipient = rule.reads('Recipient');
        while (this.at(0) === t.BULLET) this.call(recipient, this.recipient);
        return this.close();
    }

    private recipient(): Node {
        const rule = this.rule('Recipient');
        const t = this.t;
        this.open('Recipient');
        this.take(t.BULLET, rule.reads('BULLET'));
        this.inlines(this.inlineCalls('Recipient'), true);
        this.take(t.NL, rule.reads('NL'));
        return this.close();
    }

    private signature(): Node {
        const rule = this.rule('Signature');
        const t = this.t;
        this.open('Signature');
        const note = rule.reads('SignatureNote');
        while (this.at(0) === t.TEXT) this.call(note, this.signatureNote);
        while (this.at(0) === t.SIGN_AUTHORITY) this.pair(rule, 'SIGN_AUTHORITY', 0, 0);
        do this.pair(rule, 'CAPS_LINE', 0, 1);
        while (this.at(0) === t.CAPS_LINE);
        this.signed(rule, 2);
        const other = rule.reads('CoSigner');
        while (this.at(0) === t.SIGN_AUTHORITY || this.at(0) === t.CAPS_LINE) this.call(other, this.coSigner);
        return this.close();
    }

    private coSigner(): Node {
        const rule = this.rule('CoSigner');
        const t = this.t;
        this.open('CoSigner');
        if (this.at(0) === t.SIGN_AUTHORITY) {
            do this.pair(rule, 'SIGN_AUTHORITY', 0, 0);
            while (this.at(0) === t.SIGN_AUTHORITY);
            while (this.at(0) === t.CAPS_LINE) this.pair(rule, 'CAPS_LINE', 0, 1);
        } else {
            do this.pair(rule, 'CAPS_LINE', 1, 2);
            while (this.at(0) === t.CAPS_LINE);
        }
        this.signed(rule, 3);
        return this.close();
    }

    /** `(signed=SIGNED_NOTE NL)? (signer=TEXT NL)?`, their line breaks the `nl`th and the next of the rule. */
    private signed(rule: RuleElements, nl: number): void {
        const t = this.t;
        if (this.at(0) === t.SIGNED_NOTE) this.pair(rule, 'SIGNED_NOTE', 0, nl);
        if (this.at(0) === t.TEXT) this.pair(rule, 'TEXT', 0, nl + 1);
    }

    /** A token (the `n`th the rule reads of it) and its line's end (the rule's `nl`th NL). */
    private pair(rule: RuleElements, name: string, n: number, nl: number): void {
        this.take(this.t[name], rule.reads(name, n));
        this.take(this.t.NL, rule.reads('NL', nl));
    }

    private signatureNote(): Node {
        const rule = this.rule('SignatureNote');
        this.open('SignatureNote');
        this.take(this.t.TEXT, rule.reads('TEXT'));
        this.take(this.t.NL, rule.reads('NL'));
        return this.close();
    }

    // --- tokens ---

    private get t(): Record<string, number> {
        return this.types!;
    }

    private prepare(): void {
        if (this.types) return;
        const types: Record<string, number> = {};
        for (const [name, type] of Object.entries(this.tokenTypes)) types[name] = type.tokenTypeIdx!;
        const nl = this.tokenTypes.NL;
        for (const type of Object.values(this.tokenTypes))
            if (type === nl || type.CATEGORIES?.includes(nl)) this.nlLike[type.tokenTypeIdx!] = true;
        this.types = types;
    }

    private at(k: number): number | undefined {
        return this.tokens[this.i + k]?.tokenTypeIdx;
    }

    private isNl(k: number): boolean {
        const a = this.at(k);
        return a !== undefined && this.nlLike[a] === true;
    }

    private isTextPart(a: number | undefined): boolean {
        const t = this.t;
        return (
            a === t.TEXT || a === t.CAPS_LINE || a === t.RULE_LINE || a === t.ATTACHMENT_TITLE || a === t.SIGNED_NOTE
        );
    }

    private startsInline(a: number | undefined): boolean {
        return a === this.t['['] || a === this.t['{'] || this.isTextPart(a);
    }

    private startsParagraph(a: number | undefined): boolean {
        const t = this.t;
        return a === t.BULLET || a === t.PAREN_MARK || a === t.LETTER_MARK || this.startsInline(a);
    }

    // --- what Langium's parser does for each token and rule (LangiumParser consume, subrule, construct, assign) ---

    private rule(name: string): RuleElements {
        let rule = this.rules.get(name);
        if (!rule) {
            const found = this.grammar.rules.find(r => r.name === name);
            if (!found) throw new Error(`direct parser: no rule ${name}`);
            this.rules.set(name, (rule = new RuleElements(found, this.converter)));
        }
        return rule;
    }

    private readonly inlineCallsOf = new Map<string, InlineCalls>();

    private inlineCalls(ruleName: string): InlineCalls {
        let calls = this.inlineCallsOf.get(ruleName);
        if (!calls) {
            const rule = this.rule(ruleName);
            calls = { text: rule.reads('TextPart'), citation: rule.reads('Citation'), value: rule.reads('Value') };
            this.inlineCallsOf.set(ruleName, calls);
        }
        return calls;
    }

    private take(type: number, slot: Slot): void {
        const token = this.tokens[this.i];
        if (!token || (token.tokenTypeIdx !== type && !(type === this.t.NL && this.nlLike[token.tokenTypeIdx!])))
            throw LEAVE;
        this.i++;
        // The line break the lexer adds after a last line without one has no text: Langium's parser skips it.
        if (!CstUtils.isValidTokenRange(token)) return;
        const hidden = this.hidden;
        if (this.h < hidden.length && hidden[this.h].startOffset <= token.startOffset) {
            const from = this.h;
            while (this.h < hidden.length && hidden[this.h].startOffset <= token.startOffset) this.h++;
            this.builder.addHiddenNodes(hidden.slice(from, this.h));
        }
        const leaf = this.builder.buildLeafNode(token, slot.feature);
        if (!slot.assignment) return;
        const value = slot.asIs ? token.image : this.converter.convert(token.image, leaf);
        this.assign(slot.assignment, value, leaf, slot.crossRef);
    }

    private call(slot: Slot, rule: (this: DirectParser) => Node): void {
        const cst = this.builder.buildCompositeNode(slot.feature);
        const result = rule.call(this);
        // Langium assigns what consumed text (length > 0): here every token but the textless last line break is added.
        if (cst.content.length === 0) return;
        if (slot.assignment) {
            this.assign(slot.assignment, result, cst, slot.crossRef);
            return;
        }
        // An unassigned rule call: its node takes the place of the caller's (Langium's assignWithoutOverride). In
        // this grammar the caller has assigned nothing yet; a text where it has is Langium's to read.
        const current = this.stack.pop()!;
        for (const name in current) if (name !== '$type') throw LEAVE;
        const target = result as Record<string, unknown>;
        target.$cstNode = undefined;
        this.stack.push(result);
    }

    private open(type: string): void {
        this.stack.push({ $type: type } as Node);
    }

    private close(): Node {
        const node = this.stack.pop()!;
        this.builder.construct(node as Parameters<CstNodeBuilder['construct']>[0]);
        this.finish(node);
        return node;
    }

    private assign(assignment: GrammarAST.Assignment, value: unknown, cst: CstNode, crossRef: boolean): void {
        const node = this.stack[this.stack.length - 1];
        const name = assignment.feature;
        const item = crossRef && typeof value === 'string' ? this.linker.buildReference(node, name, cst, value) : value;
        const child = isAstNode(item) ? (item as Mutable<AstNode>) : undefined;
        if (child) {
            if (child.$cstNode) (child.$cstNode as { astNode?: AstNode }).astNode = child;
            child.$container = node;
            child.$containerProperty = name;
        }
        if (assignment.operator === '=') node[name] = item;
        else if (assignment.operator === '?=') node[name] = true;
        else {
            if (!Array.isArray(node[name])) node[name] = [];
            const list = node[name] as unknown[];
            if (child) child.$containerIndex = list.length;
            list.push(item);
        }
    }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

import { AstUtils, GrammarAST, type AstNode } from 'langium';
import { ThiduaGrammar } from '../generated/grammar.js';
import { Attached } from '../../domain/memo.js';

function isNode(x: unknown): x is AstNode {
    return typeof x === 'object' && x !== null && typeof (x as AstNode).$type === 'string';
}

/** A call of a parser rule, or a choice of such calls (`parts+=(TextPart | Citation | Value)*`). */
function holdsNodes(element: GrammarAST.AbstractElement): boolean {
    if (GrammarAST.isAlternatives(element)) return element.elements.some(holdsNodes);
    return GrammarAST.isRuleCall(element) && GrammarAST.isParserRule(element.rule.ref);
}

/** For each parser rule, the properties that hold child nodes, in the order the rule reads them (document order). */
const childProperties = new Map<string, string[]>();
for (const rule of ThiduaGrammar().rules) {
    if (!GrammarAST.isParserRule(rule) || !rule.definition) continue;
    const names: string[] = [];
    for (const n of AstUtils.streamAst(rule.definition)) {
        if (GrammarAST.isAssignment(n) && holdsNodes(n.terminal) && !names.includes(n.feature)) names.push(n.feature);
    }
    childProperties.set(rule.name, names);
}

/**
 * Visits a node and all its descendants in document order (the order of Langium's streamAst), without
 * the per-node iterator objects of AstUtils streams: the hot walks of a 20,000-line document use this.
 */
export function forEachNode(node: AstNode, visit: (node: AstNode) => void): void {
    visit(node);
    const record = node as AstNode & Record<string, unknown>;
    const keys = childProperties.get(node.$type);
    if (keys) {
        for (const key of keys) child(record[key], visit);
    } else {
        for (const key in record) if (key.charCodeAt(0) !== 36 /* $ */) child(record[key], visit);
    }
}

/**
 * Sets `$container`, `$containerProperty` and `$containerIndex` of every node below `node`, as Langium's
 * linkContentToContainer does after a parse, reading only the properties that can hold a node.
 */
export function linkContainers(node: AstNode): void {
    const record = node as AstNode & Record<string, unknown>;
    const keys = childProperties.get(node.$type);
    if (keys) {
        for (const key of keys) linkChild(node, key, record[key]);
    } else {
        for (const key in record) if (key.charCodeAt(0) !== 36 /* $ */) linkChild(node, key, record[key]);
    }
}

function linkChild(container: AstNode, property: string, value: unknown): void {
    if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
            const item: unknown = value[i];
            if (!isNode(item)) continue;
            const mutable = item as { -readonly [K in keyof AstNode]: AstNode[K] };
            mutable.$container = container;
            mutable.$containerProperty = property;
            mutable.$containerIndex = i;
            linkContainers(item);
        }
    } else if (isNode(value)) {
        const mutable = value as { -readonly [K in keyof AstNode]: AstNode[K] };
        mutable.$container = container;
        mutable.$containerProperty = property;
        linkContainers(value);
    }
}

function child(value: unknown, visit: (node: AstNode) => void): void {
    if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) forEachNode(item, visit);
    } else if (isNode(value)) {
        forEachNode(value, visit);
    }
}

const nodesOfRoot = new Attached<AstNode, AstNode[]>();

/**
 * All nodes of a tree in document order, listed once per parse (a line re-parsed on its own changes texts, not nodes).
 */
export function nodesOf(root: AstNode): AstNode[] {
    let nodes = nodesOfRoot.get(root);
    if (!nodes) {
        const list: AstNode[] = [];
        forEachNode(root, n => {
            list.push(n);
        });
        nodesOfRoot.set(root, (nodes = list));
    }
    return nodes;
}

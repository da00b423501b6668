import { type AstNode, type DiagnosticInfo, type ValidationAcceptor, type ValidationSeverity } from 'langium';
import { Attached } from '../../../domain/memo.js';
import type { Position, Range } from 'vscode-languageserver';
import { positionOf } from '../../syntax/thidua-parser.js';
import type { Piece, PieceText, ThiduaDiagnosticData } from './rules.js';

/**
 * A diagnostic of a line, its node given as the index of its piece and its ranges relative to the line's first piece.
 * It keeps no node: a node kept its whole tree alive as long as the line's text stayed in the cache (a folder's check
 * held 800 of 1,000 trees at its end).
 */
interface Recorded {
    severity: ValidationSeverity;
    message: string;
    info: Omit<DiagnosticInfo<AstNode>, 'node'>;
    piece: number;
}

/**
 * The checks of one line depend only on its text (and the campaign year): after a keystroke every other line
 * is unchanged, so their diagnostics are replayed, moved to where the line now is, instead of recomputed.
 * A line whose findings reach another line or file is not remembered.
 */
export class LineCheckCache {
    // By the line's text; each text keeps the few shapes (campaign year, kinds and places of its pieces) it was seen
    // with. The text of a line of one piece is the same string object from one build to the next (the edited line
    // aside), so its hash is not computed again.
    private young = new Map<string, Entry>();
    private old = new Map<string, Entry>();
    constructor(private readonly max = 20_000) {}

    /** Forgets every line (a closed document's lines would hold its text). */
    clear(): void {
        this.young = new Map();
        this.old = new Map();
    }

    run(
        line: PieceText,
        context: string,
        accept: ValidationAcceptor,
        check: (accept: ValidationAcceptor) => void
    ): void {
        const pieces = line.pieces;
        if (!pieces.length) return check(accept);
        const base = pieces[0].offset;
        let shape: string;
        if (pieces.length === 1) {
            shape = this.singleShape(context, pieces[0].node.$type);
        } else {
            shape = context;
            // The kind of node of each piece matters too (a period inside { } is checked by the value's own rule), and
            // where each piece is in the line and in the joined text; places are written as characters, not numbers.
            for (let i = 0; i < pieces.length; i++) {
                const at = pieces[i].offset - base,
                    from = line.startOf(i);
                shape += `\u0000${pieces[i].node.$type}${String.fromCharCode(at & 0xffff, at >>> 16, from & 0xffff, from >>> 16)}`;
            }
        }
        const text = line.text;
        const at = positionOf(pieces[0].node, base);
        let recorded = find(this.young.get(text), shape);
        if (recorded === undefined) {
            recorded = find(this.old.get(text), shape);
            if (recorded === undefined) {
                this.remember(shape, text, record(pieces, at, accept, check));
                return;
            }
            this.remember(shape, text, recorded);
        }
        if (recorded === null) return check(accept);
        // A line that neither changed nor moved since the last build (every line but the edited one after a
        // keystroke) gets the same diagnostics again: the objects made then are passed on unchanged.
        const last = this.replayed.get(pieces[0].node);
        let infos: DiagnosticInfo<AstNode>[];
        if (
            last &&
            last.recorded === recorded &&
            last.line === at.line &&
            last.character === at.character &&
            last.nodes.length === pieces.length &&
            last.nodes.every((n, i) => n === pieces[i].node)
        ) {
            infos = last.infos;
        } else {
            infos = recorded.map(
                r =>
                    ({
                        ...r.info,
                        node: pieces[r.piece].node,
                        range: move(r.info.range, at, 1),
                        data: moveData(r.info.data, at, 1)
                    }) as DiagnosticInfo<AstNode>
            );
            this.replayed.set(pieces[0].node, {
                recorded,
                line: at.line,
                character: at.character,
                nodes: pieces.map(p => p.node),
                infos
            });
        }
        for (let i = 0; i < recorded.length; i++) accept(recorded[i].severity, recorded[i].message, infos[i]);
    }

    /** What each line (by its first piece's node) was given at its last replay, and where it was. */
    private readonly replayed = new Attached<
        AstNode,
        { recorded: Recorded[]; line: number; character: number; nodes: AstNode[]; infos: DiagnosticInfo<AstNode>[] }
    >();

    private readonly shapes = new Map<string, Map<string, string>>();
    /** The shape of a line of one piece, made once (most lines are one piece of prose). */
    private singleShape(context: string, type: string): string {
        let byType = this.shapes.get(context);
        if (!byType) this.shapes.set(context, (byType = new Map()));
        let shape = byType.get(type);
        if (!shape) byType.set(type, (shape = `${context}\u0000${type}`));
        return shape;
    }

    private remember(shape: string, text: string, recorded: Recorded[] | null): void {
        if (this.young.size >= this.max) {
            this.old = this.young;
            this.young = new Map();
        }
        const first = this.young.get(text);
        if (first === undefined) {
            this.young.set(text, { shape, recorded });
            return;
        }
        for (let e: Entry | undefined = first; e; e = e.next) {
            if (e.shape === shape) {
                e.recorded = recorded;
                return;
            }
        }
        first.next = { shape, recorded, next: first.next };
    }
}

/** The diagnostics of one text in one shape; the other shapes the same text was seen with follow. */
interface Entry {
    shape: string;
    recorded: Recorded[] | null;
    next?: Entry;
}

function find(entry: Entry | undefined, shape: string): Recorded[] | null | undefined {
    for (let e = entry; e; e = e.next) if (e.shape === shape) return e.recorded;
    return undefined;
}

/** Runs the checks, passing their diagnostics on, and returns them in relative form (null when they cannot be). */
function record(
    pieces: Piece[],
    at: Position,
    accept: ValidationAcceptor,
    check: (accept: ValidationAcceptor) => void
): Recorded[] | null {
    const out: Recorded[] = [];
    let relative = true;
    check((severity, message, info) => {
        accept(severity, message, info);
        const piece = pieces.findIndex(p => p.node === info.node);
        const data = info.data as ThiduaDiagnosticData | undefined;
        const ranges = [
            info.range,
            ...(data?.fixes ?? []).flatMap(f => f.edits.map(e => (e.uri ? undefined : e.range)))
        ];
        if (piece < 0 || !info.range || ranges.some(r => !r || r.start.line !== at.line || r.end.line !== at.line))
            relative = false;
        else {
            const { node: _node, ...rest } = info;
            out.push({
                severity,
                message,
                piece,
                info: { ...rest, range: move(info.range, at, -1), data: moveData(info.data, at, -1) }
            });
        }
    });
    return relative ? out : null;
}

function move(range: Range | undefined, at: Position, sign: 1 | -1): Range | undefined {
    if (!range) return range;
    const p = (x: Position) => ({ line: x.line + sign * at.line, character: x.character + sign * at.character });
    return { start: p(range.start), end: p(range.end) };
}

function moveData(data: unknown, at: Position, sign: 1 | -1): unknown {
    const d = data as ThiduaDiagnosticData | undefined;
    if (!d?.fixes) return data;
    return {
        ...d,
        fixes: d.fixes.map(f => ({ ...f, edits: f.edits.map(e => ({ ...e, range: move(e.range, at, sign)! })) }))
    };
}

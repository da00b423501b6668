import type { DocumentSegment } from 'langium';
import type { Range } from 'vscode-languageserver';

/**
 * A document segment as one object of numbers: the folder's index holds one per exported name and per reference
 * (tens of thousands), and Langium's form made four objects of each, every one copied and marked by each collection.
 * Its range is made when asked for (finding references, renaming, workspace symbols).
 */
export class PackedSegment implements DocumentSegment {
    constructor(
        readonly offset: number,
        readonly length: number,
        private readonly startLine: number,
        private readonly startCharacter: number,
        private readonly endLine: number,
        private readonly endCharacter: number
    ) {}

    get end(): number {
        return this.offset + this.length;
    }

    get range(): Range {
        return {
            start: { line: this.startLine, character: this.startCharacter },
            end: { line: this.endLine, character: this.endCharacter }
        };
    }

    /** offset, length, start line, start character, end line, end character. */
    toArray(): [number, number, number, number, number, number] {
        return [this.offset, this.length, this.startLine, this.startCharacter, this.endLine, this.endCharacter];
    }
}

/** A segment as a `PackedSegment` (undefined stays undefined). */
export function packSegment(s: DocumentSegment | undefined): PackedSegment | undefined {
    if (!s || s instanceof PackedSegment) return s;
    const { start, end } = s.range;
    return new PackedSegment(s.offset, s.length, start.line, start.character, end.line, end.character);
}

import type { ValidationAcceptor, ValidationChecks } from 'langium';
import {
    isTextPart,
    type Citation,
    type Document,
    type Khoan,
    type Paragraph,
    type Recipient,
    type RegistryEntry,
    type Section,
    type SubKhoan,
    type Table,
    type ThiduaAstType,
    type Value
} from '../generated/ast.js';
import { AgencyLevelChecks } from './checks/agency-level.js';
import { AnnexChecks } from './checks/annexes.js';
import { AwardChecks } from './checks/awards.js';
import { CitationChecks } from './checks/citations.js';
import { DateChecks } from './checks/dates.js';
import { IndicatorChecks } from './checks/indicators.js';
import { PeriodChecks } from './checks/periods.js';
import { ReportChecks } from './checks/report.js';
import { ScoringChecks } from './checks/scoring.js';
import { LineCheckCache } from './checks/line-cache.js';
import type { TextDocuments as LspTextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { PieceText, piecesOf } from './checks/rules.js';
import { SoKyHieuChecks } from './checks/so-ky-hieu.js';
import { StructureChecks } from './checks/structure.js';
import { TextChecks } from './checks/text.js';
import { YearChecks } from './checks/years.js';
import { WorkspaceIndex } from './checks/workspace-index.js';
import { forgetShared } from '../../domain/memo.js';
import type { ThiduaCoreServices } from '../thidua-module.js';
import { footnoteId } from '../syntax/ast-text.js';

type Line = Paragraph | Khoan | SubKhoan | Section | Recipient;

/** Registers the checks; each family of rules lives in its own file under validation/checks/. */
export function registerValidationChecks(services: ThiduaCoreServices): void {
    const registry = services.validation.ValidationRegistry;
    const v = services.validation.ThiduaValidator;
    const checks: ValidationChecks<ThiduaAstType> = {
        Document: [v.checkDocument, v.checkReport],
        Citation: [v.checkCitation],
        RegistryEntry: [v.checkRegistryEntry],
        Value: [v.checkValue],
        Table: [v.checkTable],
        Paragraph: [v.checkLine],
        Khoan: [v.checkLine],
        SubKhoan: [v.checkLine],
        Section: [v.checkLine],
        Recipient: [v.checkLine]
    };
    registry.register(checks, v);
    registry.register<ThiduaAstType>({ Document: [v.checkWorkspace] }, v, 'slow');
}

export class ThiduaValidator {
    private readonly soKyHieu: SoKyHieuChecks;
    private readonly dates: DateChecks;
    private readonly citations: CitationChecks;
    private readonly periods: PeriodChecks;
    private readonly years: YearChecks;
    private readonly indicators: IndicatorChecks;
    private readonly awards: AwardChecks;
    private readonly structure: StructureChecks;
    private readonly agencyLevels: AgencyLevelChecks;
    private readonly report: ReportChecks;
    private readonly annexes: AnnexChecks;
    private readonly scoring: ScoringChecks;
    private readonly text = new TextChecks();
    protected lines = new LineCheckCache();
    private readonly models: ThiduaCoreServices['model']['DocumentModel'];

    constructor(services: ThiduaCoreServices) {
        const models = services.model.DocumentModel;
        this.models = models;
        this.dates = new DateChecks(models.lookups);
        this.soKyHieu = new SoKyHieuChecks(models);
        const workspace = services.shared.workspace;
        // A closed document's lines and texts leave the caches, and its memory returns.
        const editor = workspace.TextDocuments as Partial<LspTextDocuments<TextDocument>> | undefined;
        editor?.onDidClose?.(() => {
            this.lines.clear();
            models.lookups.clear();
            forgetShared();
        });
        // Whether the folder keeps a registry at all, asked again after each change of the workspace.
        let registry: boolean | undefined,
            listening = false;
        const hasRegistry = () => {
            if (!listening)
                workspace.DocumentBuilder.onUpdate(() => {
                    registry = undefined;
                });
            listening = true;
            return (registry ??= !workspace.IndexManager.allElements('RegistryEntry').isEmpty());
        };
        const index = new WorkspaceIndex(models, workspace.LangiumDocuments, workspace.DocumentBuilder);
        this.citations = new CitationChecks(models, workspace.LangiumDocuments, hasRegistry, index);
        this.periods = new PeriodChecks(models);
        this.years = new YearChecks(models);
        this.indicators = new IndicatorChecks(models);
        this.awards = new AwardChecks(models);
        this.structure = new StructureChecks(models);
        this.agencyLevels = new AgencyLevelChecks(models);
        this.report = new ReportChecks(models);
        this.annexes = new AnnexChecks(models, index);
        this.scoring = new ScoringChecks(models);
    }

    checkDocument(doc: Document, accept: ValidationAcceptor): void {
        this.soKyHieu.checkNumberLine(doc, accept);
        this.dates.checkHeaderDate(doc, accept);
        this.citations.checkFirstMentions(doc, accept);
        this.citations.checkCitedDates(doc, accept);
        this.periods.checkAssignments(doc, accept);
        this.indicators.checkDocument(doc, accept);
        this.awards.checkAwards(doc, accept);
        this.structure.checkRequiredParts(doc, accept);
        this.structure.checkNoiNhan(doc, accept);
        this.structure.checkSignature(doc, accept);
        this.agencyLevels.checkAgencyLevels(doc, accept);
        this.annexes.checkAnnexes(doc, accept);
        this.text.checkNfc(doc, accept);
        this.text.checkToneStyle(doc, accept);
        this.text.checkNumberLineSpace(doc, accept);
    }

    checkWorkspace(doc: Document, accept: ValidationAcceptor): void {
        this.citations.checkConsistency(doc, accept);
        this.annexes.checkParent(doc, accept);
    }

    checkReport(doc: Document, accept: ValidationAcceptor): void {
        this.report.checkReport(doc, accept);
    }

    checkTable(table: Table, accept: ValidationAcceptor): void {
        this.scoring.checkTable(table, accept);
    }

    checkCitation(citation: Citation, accept: ValidationAcceptor): void {
        if (footnoteId(citation)) return;
        this.soKyHieu.checkCitationNumber(citation, accept);
        this.dates.checkCitationDate(citation, accept);
        this.citations.checkCitation(citation, accept);
    }

    checkRegistryEntry(entry: RegistryEntry, accept: ValidationAcceptor): void {
        this.dates.checkCitationDate(entry, accept);
    }

    checkValue(value: Value, accept: ValidationAcceptor): void {
        this.dates.checkValueDates(value, accept);
        this.periods.checkValue(value, accept);
        this.indicators.checkValue(value, accept);
    }

    private readonly yearContexts = new Map<number | undefined, string>();
    private yearContext(year: number | undefined): string {
        let context = this.yearContexts.get(year);
        if (context === undefined) this.yearContexts.set(year, (context = String(year)));
        return context;
    }

    /** What the words of a line say; depends on the line's text and the campaign year only (see LineCheckCache). */
    checkLine(line: Line, accept: ValidationAcceptor): void {
        const text = new PieceText(piecesOf(line.parts));
        this.lines.run(text, this.yearContext(this.models.get(line).campaignYear), accept, acceptLine => {
            this.text.checkProse(text, acceptLine);
            this.text.checkJoined(text, acceptLine);
            this.text.checkSyllables(text, acceptLine);
            this.periods.checkProse(text, acceptLine);
            this.years.checkProse(text, acceptLine);
            for (const part of line.parts)
                if (isTextPart(part)) this.dates.checkRealDates(part, 'text', part.text, acceptLine);
        });
    }
}

// Runs inside VS Code's extension host (see run.ts): the same checks as the code-server test, through the API.
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

async function poll(fn, what, ms = 30000) {
    const end = Date.now() + ms;
    for (;;) {
        const v = await fn();
        if (v) return v;
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
        await new Promise(r => setTimeout(r, 200));
    }
}

exports.run = async function run() {
    const folder = vscode.workspace.workspaceFolders[0].uri.fsPath;
    const file = vscode.Uri.file(path.join(folder, '003-chi-thi-huong-tra-2024.thidua'));
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(doc.languageId, 'thidua');

    const diags = await poll(() => vscode.languages.getDiagnostics(file).filter(d => d.message.includes('chủ trì')), 'diagnostics');
    assert.match(diags[0].message, /"chỉ trì" viết sai chính tả/);
    // The Problems panel shows source(code): the rule stays in the data, the source reads as the extension's name.
    assert.strictEqual(diags[0].code, undefined);
    assert.strictEqual(diags[0].source, 'Thi đua');

    const citation = doc.getText().indexOf('34-CT/TW');
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', file, doc.positionAt(citation + 2));
    const hoverText = hovers.flatMap(h => h.contents.map(c => typeof c === 'string' ? c : c.value)).join('\n');
    assert.match(hoverText, /Cơ quan ban hành: Bộ Chính trị/);

    const edit = new vscode.WorkspaceEdit();
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    edit.insert(file, end, '\n\nchi tieu');
    await vscode.workspace.applyEdit(edit);
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', file, doc.lineAt(doc.lineCount - 1).range.end);
    assert.ok(list.items.some(i => (typeof i.label === 'string' ? i.label : i.label.label).includes('chỉ tiêu')), 'completion offers chỉ tiêu');
    await vscode.commands.executeCommand('workbench.action.files.revert');

    // The command waits on its notification, so it is not awaited: the file is.
    void vscode.commands.executeCommand('thidua.exportWord', file);
    const docx = path.join(folder, '003-chi-thi-huong-tra-2024.docx');
    await poll(() => fs.existsSync(docx) && fs.statSync(docx).size > 0, 'the .docx');
    assert.strictEqual(fs.readFileSync(docx).subarray(0, 2).toString(), 'PK');

    await vscode.commands.executeCommand('thidua.preview');
};

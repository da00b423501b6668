import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const options = {
    entryPoints: { cli: 'src/cli/index.ts', server: 'src/server/main.ts', extension: 'src/extension/main.ts' },
    external: ['vscode'],
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: false,
    logLevel: 'warning'
};
if (watch) await (await esbuild.context(options)).watch();
else await esbuild.build(options);

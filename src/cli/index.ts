import { removeTemporaryFilesOnSignal } from '../io/write.js';
import { run } from './main.js';

removeTemporaryFilesOnSignal();
run(process.argv.slice(2), { out: t => process.stdout.write(t), err: t => process.stderr.write(t) })
    .then(code => {
        process.exitCode = code;
    })
    .catch(e => {
        process.stderr.write(`Lỗi không lường trước trong thidua: ${(e as Error).stack ?? e}\n`);
        process.exitCode = 70;
    });

// Child process for atomic-file.test.ts: writes, then kills itself hard after the given step.
import { writeFileAtomic } from '../../../../src/main/settings/atomic-file';

const [file, data, crashAfter] = process.argv.slice(2) as [string, string, string];
await writeFileAtomic(file, data, {
  onStep: (step) => {
    if (step === crashAfter) process.kill(process.pid, 'SIGKILL');
  },
});

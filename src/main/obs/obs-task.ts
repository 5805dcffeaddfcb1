import { coreText, type Failure, type Result, type Success } from '../../shared/protocol';

/** The OBS tasks a failure can name (`core:obs.task.*`). */
export type ObsTask = 'save' | 'setup' | 'listScenes' | 'switchScene' | 'outputStatus';

/** Runs one OBS task; a failure names the task (`core:obs.task.*`) and what OBS said. */
export async function attemptObsTask<T>(
  log: (message: string) => void,
  task: ObsTask,
  run: () => Promise<T>,
  params: Record<string, string> = {},
): Promise<Success<T> | Failure> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const text = coreText('obs.failed', { ...params, task, detail });
    log(`obs: ${text.message}`);
    return { ok: false, error: text };
  }
}

/** Runs a video step; a refusal from OBS comes back as `core:obsVideo.failed`. */
export async function attemptVideoStep(
  log: (message: string) => void,
  run: () => Promise<void>,
): Promise<Result> {
  try {
    await run();
    return { ok: true, value: undefined };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const text = coreText('obsVideo.failed', { detail });
    log(`obs: ${text.message}`);
    return { ok: false, error: text };
  }
}

import {
  coreText,
  fail,
  ok,
  type OutputChanges,
  type OutputOnAir,
  type OutputRecord,
  type Result,
  type ScreensStatus,
} from '../../shared/protocol';
import type { ScreensCommand } from '../core/commands';
import {
  defaultJob,
  jobRefusal,
  MAX_OUTPUTS,
  type OutputChoices,
  type OutputRegistry,
} from './output-registry';
import type { PendingScreens, ScreenPoll, ScreenRequestOutcome } from './pending-screens';

export interface ScreensControllerOptions {
  registry: OutputRegistry;
  pending: PendingScreens;
  safeModeOn: () => boolean;
  /** The pack's languages and playlists, for checking a job. */
  choices: () => OutputChoices;
  /** Where a screen opens `/screen` on the LAN address, while pairing is on. */
  pairingUrl: () => string | null;
  /** Closes the sockets of one output's screen, at once. */
  disconnectOutput: (outputId: string, reason: string) => void;
  /** The outputs with an open socket. */
  onlineOutputs: () => ReadonlySet<string>;
  /** What an output shows now, for the console's thumbnail; left out: nothing said. */
  onAir?: (output: OutputRecord) => OutputOnAir | null;
  now: () => number;
}

/**
 * Screens on the venue network. Pairing is off until the operator turns it on, and safe mode
 * turns it off and refuses to turn it on; while off no screen can ask, and every waiting one is
 * forgotten. A screen the operator approves by its code becomes an output with its own token;
 * revoking closes its socket at once. Paired screens stay paired while pairing is off.
 */
export class ScreensController {
  private pairing = false;
  private readonly listeners = new Set<(status: ScreensStatus) => void>();

  constructor(private readonly options: ScreensControllerOptions) {}

  isPairing(): boolean {
    return this.pairing;
  }

  status(): ScreensStatus {
    const online = this.options.onlineOutputs();
    return {
      pairing: this.pairing,
      url: this.pairing ? this.options.pairingUrl() : null,
      pending: this.pairing ? this.options.pending.list() : [],
      outputs: this.options.registry.list().map((o) => ({
        ...o,
        online: online.has(o.id),
        onAir: this.options.onAir?.(o) ?? null,
      })),
    };
  }

  subscribe(listener: (status: ScreensStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Something the status shows changed elsewhere (a screen asked, connected or left). */
  changed(): void {
    const status = this.status();
    for (const listener of this.listeners) listener(status);
  }

  setPairing(on: boolean): Result {
    if (on && this.options.safeModeOn()) return fail(coreText('screens.safeMode'));
    if (this.pairing === on) return ok;
    this.pairing = on;
    if (!on) this.options.pending.clear();
    this.changed();
    return ok;
  }

  /** Safe mode came on: no screen may ask or be approved any more. */
  safeModeOn(): void {
    this.setPairing(false);
  }

  /** A screen's browser asks to pair (`POST /api/screen/pair`). */
  request(address: string, agent: string): ScreenRequestOutcome | { ok: false; reason: 'off' } {
    if (!this.pairing || this.options.safeModeOn()) return { ok: false, reason: 'off' };
    const outcome = this.options.pending.request(address, agent);
    if (outcome.ok) this.changed();
    return outcome;
  }

  /** A waiting screen asks whether it was approved; with pairing off nothing waits. */
  poll(secret: string): ScreenPoll {
    if (!this.pairing) return { status: 'unknown' };
    return this.options.pending.poll(secret);
  }

  /** The output whose screen holds `token`, or null. Works with pairing off: it is paired. */
  authenticate(token: string): OutputRecord | null {
    return this.options.registry.findByToken(token);
  }

  async approve(code: string, name: string): Promise<Result> {
    if (!this.pairing) return fail(coreText('screens.pairingOff'));
    if (!this.options.pending.has(code)) return fail(coreText('screens.noSuchCode', { code }));
    if (this.options.registry.list().length >= MAX_OUTPUTS) {
      return fail(coreText('screens.tooMany', { count: MAX_OUTPUTS }));
    }
    const { output, token } = await this.options.registry.add(defaultJob(name), this.options.now());
    // Pairing may have closed, or the code expired, while the file was written.
    if (!this.pairing || !this.options.pending.approve(code, { token, outputId: output.id })) {
      await this.options.registry.remove(output.id);
      return fail(coreText('screens.noSuchCode', { code }));
    }
    this.changed();
    return ok;
  }

  async revoke(outputId: string): Promise<Result> {
    if (!this.options.registry.get(outputId)) {
      return fail(coreText('screens.noOutput', { id: outputId }));
    }
    // The registry drops the output before its first await: its token stops working now.
    const removing = this.options.registry.remove(outputId);
    this.options.disconnectOutput(outputId, 'the operator removed this screen');
    this.changed();
    await removing;
    return ok;
  }

  async configure(outputId: string, changes: OutputChanges): Promise<Result> {
    if (!this.options.registry.get(outputId)) {
      return fail(coreText('screens.noOutput', { id: outputId }));
    }
    const refused = jobRefusal(changes, this.options.choices());
    if (refused) return fail(refused);
    await this.options.registry.configure(outputId, changes);
    this.changed();
    return ok;
  }

  execute(command: ScreensCommand): Result | Promise<Result> {
    switch (command.name) {
      case 'screenPairing':
        return this.setPairing(command.on);
      case 'screenApprove':
        return this.approve(command.code, command.screenName);
      case 'screenRevoke':
        return this.revoke(command.outputId);
      case 'outputConfigure':
        return this.configure(command.outputId, command.changes);
    }
  }
}

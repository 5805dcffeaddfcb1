import type { LoadedObsConfig } from './config';
import { isLoopbackHost } from './obs-host';

/** The configured connection, without the password. */
export interface ObsTarget {
  host: string;
  port: number;
  hasPassword: boolean;
  passwordSource: LoadedObsConfig['passwordSource'];
}

/** What the loaded settings connect to; null when OBS is not configured here. */
export function targetOf(loaded: LoadedObsConfig): ObsTarget | null {
  return loaded.config
    ? {
        host: loaded.config.host,
        port: loaded.config.port,
        hasPassword: Boolean(loaded.config.password),
        passwordSource: loaded.passwordSource,
      }
    : null;
}

/** OBS on another computer: its image sources cannot open this computer's files. */
export function isRemoteTarget(target: ObsTarget | null): boolean {
  return target !== null && !isLoopbackHost(target.host);
}

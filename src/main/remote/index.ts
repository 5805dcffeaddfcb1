export { RemoteController, SAFE_MODE_REFUSAL } from './controller';
export type { LanListener, PairOutcome, PairRequest, RemoteControllerOptions } from './controller';
export { openDeviceStore, hashToken, DEVICES_FILE, MAX_DEVICES } from './devices';
export type { Device, DeviceStore } from './devices';
export { lanAddresses, isPrivateIPv4 } from './lan-address';
export { PinLock, newPin, MAX_WRONG_PINS, LOCKOUT_MS } from './pairing';

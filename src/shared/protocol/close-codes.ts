/**
 * WebSocket close codes the core uses to refuse a connection. Views show the close reason;
 * the code tells them not to retry blindly (a wrong token stays wrong).
 */
/** The token is missing or wrong for the role, or the role is unknown. */
export const CLOSE_UNAUTHORIZED = 4001;
/** The page that opened the socket was not served by this core (cross-site WebSocket). */
export const CLOSE_FORBIDDEN_ORIGIN = 4003;
/**
 * The phone remote is off (turned off, or safe mode). Not a refusal of the phone: it keeps its
 * pairing and reconnects when the operator turns the remote on again.
 */
export const CLOSE_REMOTE_OFF = 4004;

// WebSocket close codes the relay sends when it refuses a socket or a frame (DESIGN, "Contract: the relay").

/** A frame that does not decode as a y-websocket message, or a text frame. */
export const CLOSE_MALFORMED = 4400;
/** Missing or wrong token at the upgrade. */
export const CLOSE_BAD_TOKEN = 4401;
/** A viewer sent content the plan does not already hold. */
export const CLOSE_VIEWER_WROTE = 4403;
/** No plan with that id. */
export const CLOSE_NO_SUCH_PLAN = 4404;
/** A frame larger than the relay's per-frame limit. */
export const CLOSE_TOO_LARGE = 4413;

/** Standard codes the relay also uses: shutting down, and an internal failure (e.g. storage down). */
export const CLOSE_GOING_AWAY = 1001;
export const CLOSE_INTERNAL_ERROR = 1011;

export type RefusalCode =
  | typeof CLOSE_MALFORMED
  | typeof CLOSE_BAD_TOKEN
  | typeof CLOSE_VIEWER_WROTE
  | typeof CLOSE_NO_SUCH_PLAN
  | typeof CLOSE_TOO_LARGE;

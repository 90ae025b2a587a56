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
/**
 * An update that would make the stored plan larger than the relay's plan-size limit; it is neither stored nor
 * relayed. In the 44xx range, so the stock client stops retrying (it would resend the same update). Next to 4413;
 * nothing to do with HTTP's 414.
 */
export const CLOSE_PLAN_TOO_LARGE = 4414;

// Limits that may pass: 45xx is y-websocket's "try again later" range, so the stock client reconnects (backing off).
/** The socket sent more messages than its rate allows (token bucket: a steady rate plus a burst). */
export const CLOSE_TOO_MANY_MESSAGES = 4529;
/** The plan already has as many sockets as the relay allows per plan. */
export const CLOSE_PLAN_CROWDED = 4530;
/** The client's address already has as many sockets (open or being checked) as the relay allows per address. */
export const CLOSE_ADDRESS_CROWDED = 4531;

/** Standard codes the relay also uses: shutting down, and an internal failure (e.g. storage down). */
export const CLOSE_GOING_AWAY = 1001;
export const CLOSE_INTERNAL_ERROR = 1011;

export type RefusalCode =
  | typeof CLOSE_MALFORMED
  | typeof CLOSE_BAD_TOKEN
  | typeof CLOSE_VIEWER_WROTE
  | typeof CLOSE_NO_SUCH_PLAN
  | typeof CLOSE_TOO_LARGE
  | typeof CLOSE_PLAN_TOO_LARGE
  | typeof CLOSE_TOO_MANY_MESSAGES
  | typeof CLOSE_PLAN_CROWDED
  | typeof CLOSE_ADDRESS_CROWDED;

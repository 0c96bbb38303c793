/**
 * How big the queue run is. CI runs the short version; QUEUE_FULL=1 runs the full figures
 * (300 orders); QUEUE_ORDERS overrides the order count of the duplicates scenario.
 */
const full = process.env.QUEUE_FULL === '1';

export const QUEUE_WORKERS = Number(process.env.QUEUE_WORKERS ?? 2);
/** Scenario 1: orders, each webhook delivered 1–3 times. */
export const DUPLICATE_ORDERS = Number(process.env.QUEUE_ORDERS ?? (full ? 300 : 60));
/** Scenario 2: orders, with the access token expired every TOKEN_EVERY orders. */
export const TOKEN_ORDERS = Number(process.env.QUEUE_TOKEN_ORDERS ?? (full ? 200 : 60));
export const TOKEN_EVERY = Number(process.env.QUEUE_TOKEN_EVERY ?? 20);
/** Scenario 3: stock changes made in Exact while both stock templates run. */
export const STOCK_CHANGES = Number(process.env.QUEUE_STOCK_CHANGES ?? (full ? 60 : 20));
/** Scenario 4: orders in flight when a worker is killed. */
export const KILL_ORDERS = Number(process.env.QUEUE_KILL_ORDERS ?? (full ? 40 : 12));
/** Scenario 5: orders read by two overlapping runs of the batch order template. */
export const BATCH_ORDERS = Number(process.env.QUEUE_BATCH_ORDERS ?? (full ? 40 : 12));
/** Scenario 6: orders fulfilled in up to three parts, each fulfilment webhook delivered 2–3 times. */
export const FULFILMENT_ORDERS = Number(process.env.QUEUE_FULFILMENT_ORDERS ?? (full ? 40 : 12));

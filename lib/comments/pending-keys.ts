// Shared by the server and the page's script (so no server code rides along into the browser).

/** Where the browser keeps its signed list of pending comments (local storage). */
export const PENDING_STORAGE_KEY = 'ledger_pending';
/** The request header that carries it to /api/comments/mine. */
export const PENDING_HEADER = 'x-ledger-pending';

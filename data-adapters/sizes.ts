/**
 * Byte limits needed both by limits.ts and by adapter-error.ts (which limits.ts imports):
 * kept here, free of imports, so neither has to import the other. limits.ts re-exports them.
 */

/** The longest line a streamed GENESIS flat file may have (see limits.ts). */
export const MAX_LINE_BYTES = 1024 * 1024;

/** Bytes in MiB, rounded up. */
export const mib = (bytes: number): number => Math.ceil(bytes / (1024 * 1024));

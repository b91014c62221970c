/**
 * Bytes as a Buffer over the same memory, without copying: what crosses from a worker thread
 * arrives as a plain Uint8Array, while better-sqlite3 binds only a Buffer as a BLOB, pg only a
 * Buffer as a BYTEA, Express sends a Buffer as it is, and `toString` decodes text from one.
 */
export function bytesAsBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

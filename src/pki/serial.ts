/**
 * Keypair ids are certificate serials, built as the Go kops builds them: the issue time in nanoseconds shifted left
 * 32 bits, OR'd with 32 random bits. Serials therefore sort by issue time, which the keystore relies on.
 */
export function buildPkiSerial(nowMillis: number, random32: number): bigint {
  const nanos = BigInt(nowMillis) * 1_000_000n;
  return (nanos << 32n) | BigInt(random32 >>> 0);
}

/** Hex form for X.509 encoding; a leading 00 keeps the DER integer positive. */
export function serialToHex(serial: bigint): string {
  let hex = serial.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  if (parseInt(hex.slice(0, 2), 16) >= 0x80) hex = '00' + hex;
  return hex;
}

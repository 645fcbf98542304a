// Shared by both reader scripts: turns reader values into JSON that survives the trip to .NET unchanged.
// Numbers become strings so that NaN, ±Infinity and -0 survive (JSON has none of them) and doubles keep
// their shortest round-trip form; bigints become decimal strings; Uint8Arrays become base64.

export function encodeValue(value) {
  if (value === null || value === undefined) {
    return null;
  }
  switch (typeof value) {
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return value.toString();
    case 'boolean':
    case 'string':
      return value;
    default:
      if (value instanceof Uint8Array) {
        return { base64: Buffer.from(value).toString('base64') };
      }
      throw new Error(`unexpected value of type ${typeof value}: ${String(value)}`);
  }
}

export function encodeRecord(record) {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, encodeValue(value)]));
}

export function fail(error) {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
}

/** PEM or DER in, DER blocks out. A PEM text may hold several blocks (a CA bundle). */
export type PemOrDer = string | Uint8Array;

export function derBlocks(input: PemOrDer, label: 'CERTIFICATE' | 'X509 CRL'): Uint8Array[] {
  const text =
    typeof input === 'string' ? input : looksLikePem(input) ? new TextDecoder().decode(input) : undefined;
  if (text === undefined) return [new Uint8Array(input as Uint8Array)];
  const blocks: Uint8Array[] = [];
  const pattern = new RegExp(`-----BEGIN ${label}-----([A-Za-z0-9+/=\\s]+)-----END ${label}-----`, 'g');
  for (const match of text.matchAll(pattern)) {
    blocks.push(new Uint8Array(Buffer.from((match[1] ?? '').replace(/\s+/g, ''), 'base64')));
  }
  return blocks;
}

/** Exactly one block, or undefined. */
export function singleDer(input: PemOrDer, label: 'CERTIFICATE' | 'X509 CRL'): Uint8Array | undefined {
  const blocks = derBlocks(input, label);
  return blocks.length === 1 ? blocks[0] : undefined;
}

function looksLikePem(bytes: Uint8Array): boolean {
  return new TextDecoder().decode(bytes.subarray(0, 11)) === '-----BEGIN ';
}

import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
// The reader's wasm as a file of our own build: zxing-wasm would otherwise fetch it from a
// CDN, which fails offline and is blocked by the CSP (connect-src 'self').
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

let ready: Promise<unknown> | null = null;

/** Compiles the reader once; rejects when the wasm cannot be fetched or compiled. */
export function loadQrReader(): Promise<unknown> {
  ready ??= prepareZXingModule({
    overrides: {
      locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path),
    },
    fireImmediately: true,
  }).catch((error: unknown) => {
    ready = null;
    throw error;
  });
  return ready;
}

/** The text of the first QR code in a frame, if any. */
export async function readQrCode(frame: ImageData): Promise<string | null> {
  await loadQrReader();
  const [first] = await readBarcodes(frame, { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 1 });
  return first?.isValid && first.text ? first.text : null;
}

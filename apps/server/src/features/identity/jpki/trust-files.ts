import { readFileSync, statSync } from 'node:fs';
import { prepareJpkiTrust, type JpkiTrust } from './trust.ts';

export interface JpkiTrustFiles {
  /** PEM bundle (or one DER certificate) of the JPKI signature-certificate CAs. */
  caCertsFile: string;
  /** CRL files, each DER or PEM. */
  crlFiles: readonly string[];
}

/**
 * The configured CAs and CRLs, read at start: a missing or bad file stops the server with a
 * message naming it. Afterwards the files are watched cheaply (inode, size and times, checked on
 * each use): when the CRL feed replaces a file, the next verification uses the fresh CRL
 * without a restart. A replacement that does not parse (e.g. caught half-written) keeps
 * the previous trust, and `onReloadError` is told.
 */
export function jpkiTrustFromFiles(
  files: JpkiTrustFiles,
  onReloadError: (error: unknown) => void = () => undefined,
): () => JpkiTrust {
  const paths = [files.caCertsFile, ...files.crlFiles];
  let stamp = fileStamp(paths);
  let trust = readTrust(files);
  return () => {
    let current: string;
    try {
      current = fileStamp(paths);
    } catch (error) {
      onReloadError(error);
      return trust;
    }
    if (current === stamp) return trust;
    // Once per change: a broken file is reported once and retried when it changes again.
    stamp = current;
    try {
      trust = readTrust(files);
    } catch (error) {
      onReloadError(error);
    }
    return trust;
  };
}

function readTrust(files: JpkiTrustFiles): JpkiTrust {
  const read = (file: string, what: string) => {
    try {
      return new Uint8Array(readFileSync(file));
    } catch (error) {
      throw new Error(`JPKI ${what} file ${file} cannot be read`, { cause: error });
    }
  };
  const anchors = [read(files.caCertsFile, 'CA certificates')];
  const crls = files.crlFiles.map((file) => read(file, 'CRL'));
  try {
    return prepareJpkiTrust({ anchors, crls });
  } catch (error) {
    throw new Error(
      `JPKI trust files (${[files.caCertsFile, ...files.crlFiles].join(', ')}): ${String(error)}`,
      {
        cause: error,
      },
    );
  }
}

function fileStamp(paths: readonly string[]): string {
  return paths
    .map((path) => {
      const stat = statSync(path);
      return `${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}`;
    })
    .join('|');
}

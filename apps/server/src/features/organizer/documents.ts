import { createHash } from 'node:crypto';
import { documentProblem, type DocumentMediaType, type DocumentRef } from '@kumamoto/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { organizerDocuments } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import type { Db } from './lifecycle-io.ts';

/**
 * Officer lists and bylaws (R-ORG-3). What a file is comes from its first bytes, never from the
 * name or the type the browser claims; the domain says which types and sizes are accepted.
 */
export function sniffMediaType(bytes: Uint8Array): DocumentMediaType | null {
  const starts = (signature: readonly number[], at = 0) =>
    bytes.length >= at + signature.length && signature.every((byte, index) => bytes[at + index] === byte);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp'; // RIFF….WEBP
  return null;
}

/** A file name as shown to reviewers: no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';

  const clean = [
    ...base
      .normalize('NFC')
      .replace(/\p{Cc}/gu, '')
      .trim(),
  ]
    .slice(0, 200)
    .join('');
  return clean === '' ? 'document' : clean;
}

export async function storeDocument(
  db: Database,
  input: { ownerUserId: string; fileName: string; bytes: Uint8Array; truncated: boolean; now: Date },
): Promise<DocumentRef> {
  if (input.bytes.length === 0) throw new AppError('organizer_document_empty');
  const mediaType = sniffMediaType(input.bytes) ?? 'unknown';
  const size = input.truncated ? Number.MAX_SAFE_INTEGER : input.bytes.length;
  const problem = documentProblem({ mediaType, size });
  if (problem === 'document_empty') throw new AppError('organizer_document_empty');
  if (problem === 'document_too_large') throw new AppError('organizer_document_too_large');
  if (problem === 'document_type') throw new AppError('organizer_document_type');
  const [row] = await db
    .insert(organizerDocuments)
    .values({
      ownerUserId: input.ownerUserId,
      fileName: cleanFileName(input.fileName),
      mediaType,
      size,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
      content: input.bytes,
      createdAt: input.now,
    })
    .returning({ id: organizerDocuments.id, fileName: organizerDocuments.fileName });
  if (!row) throw new AppError('internal');
  return { id: row.id, fileName: row.fileName, mediaType, size };
}

/**
 * The stored facts of documents a draft refers to, if they are the applicant's own: a draft
 * cannot point at someone else's file, and the client's claimed type and size are ignored.
 */
export async function ownDocuments(
  db: Db,
  ownerUserId: string,
  ids: readonly string[],
): Promise<Map<string, DocumentRef>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: organizerDocuments.id,
      fileName: organizerDocuments.fileName,
      mediaType: organizerDocuments.mediaType,
      size: organizerDocuments.size,
    })
    .from(organizerDocuments)
    .where(and(eq(organizerDocuments.ownerUserId, ownerUserId), inArray(organizerDocuments.id, [...ids])));
  return new Map(rows.map((row) => [row.id, row]));
}

export async function readDocument(db: Db, id: string) {
  const [row] = await db.select().from(organizerDocuments).where(eq(organizerDocuments.id, id));
  return row ?? null;
}

/** A city staff member opens a document: the read and its audit event in one transaction. */
export async function readDocumentAudited(
  db: Database,
  input: { id: string; actorUserId: string; requestId: string; applicationId: string | null },
) {
  return db.transaction(async (tx) => {
    const row = await readDocument(tx, input.id);
    if (!row) return null;
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'organizer.document.viewed',
      subjectType: 'organizer_document',
      subjectId: row.id,
      details: { applicationId: input.applicationId, mediaType: row.mediaType, sha256: row.sha256 },
      requestId: input.requestId,
    });
    return row;
  });
}

import { createHash } from 'node:crypto';
import { maxThumbnailUploadBytes } from '@kumamoto/domain';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import type { Database } from '../../../db/client.ts';
import { activityImages } from '../../../db/schema.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Db } from '../../organizer/lifecycle-io.ts';
import { sniffMediaType } from '../../organizer/documents.ts';
import { thumbnailUrlOf } from './columns.ts';

/** Wide enough for a phone screen at 3x and a link preview; smaller pictures are not enlarged. */
export const thumbnailMaxWidth = 1200;
/**
 * Refused before decoding: a small file can claim a huge picture (a decompression bomb). A
 * 48-megapixel phone photo (8064 x 6048) passes.
 */
export const maxThumbnailInputPixels = 60_000_000;

export interface EncodedThumbnail {
  bytes: Buffer;
  width: number;
  height: number;
}

/**
 * R-ACT-2 thumbnail: what the file is comes from its first bytes (never the name or the type
 * the browser claims); it is then decoded, turned upright, scaled down and re-encoded as WebP.
 * Re-encoding writes no metadata, so the phone's EXIF, including GPS, does not survive.
 */
export async function encodeThumbnail(bytes: Uint8Array, truncated: boolean): Promise<EncodedThumbnail> {
  if (truncated || bytes.length > maxThumbnailUploadBytes) throw new AppError('activity_image_too_large');
  const type = sniffMediaType(bytes);
  if (type === null || !type.startsWith('image/')) throw new AppError('activity_image_type');
  // The header only (no pixels decoded), read without sharp's own limit so that a huge picture
  // is answered "too large" below rather than "not an image".
  const metadata = await sharp(bytes, { limitInputPixels: false })
    .metadata()
    .catch(() => null);
  if (!metadata?.width || !metadata.height) throw new AppError('activity_image_type');
  if (metadata.width * metadata.height > maxThumbnailInputPixels)
    throw new AppError('activity_image_too_large');
  const encoded = await sharp(bytes, { limitInputPixels: maxThumbnailInputPixels })
    .autoOrient()
    .resize({ width: thumbnailMaxWidth, withoutEnlargement: true })
    .webp({ quality: 80 })
    .toBuffer({ resolveWithObject: true })
    .catch(() => null);
  if (!encoded) throw new AppError('activity_image_type');
  return { bytes: encoded.data, width: encoded.info.width, height: encoded.info.height };
}

export async function storeThumbnail(
  db: Database,
  input: {
    groupId: string;
    actorUserId: string;
    bytes: Uint8Array;
    truncated: boolean;
    now: Date;
    requestId: string;
  },
) {
  const image = await encodeThumbnail(input.bytes, input.truncated);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(activityImages)
      .values({
        groupId: input.groupId,
        bytes: new Uint8Array(image.bytes),
        contentType: 'image/webp',
        width: image.width,
        height: image.height,
        sha256: createHash('sha256').update(image.bytes).digest('hex'),
        createdAt: input.now,
      })
      .returning({ id: activityImages.id });
    if (!row) throw new AppError('internal');
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'activity.image_uploaded',
      subjectType: 'activity_image',
      subjectId: row.id,
      details: { groupId: input.groupId, uploadedBytes: input.bytes.length, storedBytes: image.bytes.length },
      requestId: input.requestId,
    });
    return { id: row.id, url: thumbnailUrlOf(row.id)!, width: image.width, height: image.height };
  });
}

export async function readThumbnail(db: Db, id: string) {
  const [row] = await db
    .select({
      bytes: activityImages.bytes,
      contentType: activityImages.contentType,
      sha256: activityImages.sha256,
    })
    .from(activityImages)
    .where(eq(activityImages.id, id));
  return row ?? null;
}

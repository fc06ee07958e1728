import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityImages } from '../../../db/schema.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { multipart } from '../../organizer/test-support.ts';
import {
  auditOf,
  call,
  cast,
  completeForm,
  rowCount,
  type Cast,
  type Person,
  idOf,
  anyString,
} from './test-support.ts';

let test: TestApp;
let c: Cast;
let phonePhoto: Buffer;

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

/** A decompression bomb: a few bytes of PNG claiming a huge picture (400 megapixels here). */
function pngClaiming(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc(16))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** EXIF's pointer to the GPS directory (tag 0x8825), in either byte order. */
const hasGpsPointer = (exif: Buffer) =>
  exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]));

beforeAll(async () => {
  test = await createTestApp();
  c = await cast(test);
  // A "phone photo": 2400 x 1600 JPEG carrying the camera and the place it was taken.
  phonePhoto = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#2a7' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'KumamotoPhone', Model: 'Test 1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '32/1 48/1 11/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '130/1 42/1 29/1',
      },
    })
    .toBuffer();
});
afterAll(() => test.close());

function upload(bytes: Buffer, who: Person = c.admin, groupId = c.groupId, type = 'image/jpeg') {
  const { payload, contentType } = multipart('photo.jpg', bytes, type);
  return test.app.inject({
    method: 'POST',
    url: `/api/organizer/groups/${groupId}/activity-images`,
    headers: { ...who.caller.headers, 'content-type': contentType },
    payload,
  });
}

describe('thumbnails (R-ACT-2): re-encoded as WebP, EXIF and GPS removed', () => {
  it('stores a phone photo as WebP at most 1200 px wide, without its metadata, served publicly', async () => {
    const original = await sharp(phonePhoto).metadata();
    expect(original.exif && hasGpsPointer(original.exif)).toBe(true);
    expect(original.exif?.toString('latin1')).toContain('KumamotoPhone');

    const response = await upload(phonePhoto, c.member);
    expect(response.statusCode).toBe(201);
    const image = response.json<{ id: string; url: string; width: number; height: number }>();
    expect(image).toEqual({
      id: anyString,
      url: `/api/activity-images/${image.id}`,
      width: 1200,
      height: 800,
    });
    expect((await auditOf(test, 'activity.image_uploaded', image.id))[0]).toMatchObject({
      actorUserId: c.member.id,
    });

    const served = await call(test, c.signedOut, 'GET', image.url);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/webp');
    expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const stored = await sharp(served.rawPayload).metadata();
    expect(stored).toMatchObject({ format: 'webp', width: 1200, height: 800 });
    expect(stored.exif).toBeUndefined();
    expect(stored.xmp).toBeUndefined();
    expect(served.rawPayload.includes(Buffer.from('KumamotoPhone'))).toBe(false);

    // The thumbnail can then be put on an activity of the same group.
    const created = await call(
      test,
      c.admin,
      'POST',
      `/api/organizer/groups/${c.groupId}/activities`,
      completeForm({ thumbnailImageId: image.id }),
    );
    expect(created.statusCode).toBe(201);
    const view = await call(test, c.admin, 'GET', `/api/organizer/activities/${idOf(created)}`);
    expect(view.json<{ activity: unknown }>().activity).toMatchObject({
      thumbnailImageId: image.id,
      thumbnailUrl: image.url,
    });
  });

  it('turns a sideways photo upright and does not enlarge a small one', async () => {
    const sideways = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#fff' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const response = await upload(sideways);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ width: 200, height: 400 });
  });

  it('refuses what is not an image, a broken image and a too large file; nothing stored', async () => {
    const before = await rowCount(test, activityImages);
    const pdf = await upload(Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n'), c.admin, c.groupId, 'image/jpeg');
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json()).toMatchObject({ code: 'activity_image_type' });
    const html = await upload(
      Buffer.from('<svg onload="alert(1)"></svg>'),
      c.admin,
      c.groupId,
      'image/svg+xml',
    );
    expect(html.json()).toMatchObject({ code: 'activity_image_type' });
    const broken = await upload(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]));
    expect(broken.statusCode).toBe(415);
    expect(broken.json()).toMatchObject({ code: 'activity_image_type' });
    const huge = await upload(Buffer.concat([phonePhoto, Buffer.alloc(10 * 1024 * 1024)]));
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ code: 'activity_image_too_large' });
    const bomb = pngClaiming(20_000, 20_000);
    const bombed = await upload(bomb, c.admin, c.groupId, 'image/png');
    expect(bombed.statusCode).toBe(413);
    expect(await rowCount(test, activityImages)).toBe(before);
  });

  it('refuses uploads by another resident (403) and the signed out (401)', async () => {
    const before = await rowCount(test, activityImages);
    expect((await upload(phonePhoto, c.other)).statusCode).toBe(403);
    expect((await upload(phonePhoto, c.signedOut)).statusCode).toBe(401);
    expect(await rowCount(test, activityImages)).toBe(before);
  });

  it('answers 404 for an unknown image', async () => {
    const response = await call(
      test,
      c.signedOut,
      'GET',
      '/api/activity-images/3f0b1f9e-7a52-4d0e-9c61-2b8a4f1e6d20',
    );
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'not_found' });
  });
});

import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import QRCode from 'qrcode';

const run = promisify(execFile);

/**
 * Draws `text` as a QR code and turns it into a y4m video that Chromium's fake camera plays
 * (`--use-file-for-fake-video-capture`). Returns the video's path inside `dir`.
 */
export async function qrCameraVideo(text: string, dir: string): Promise<string> {
  const png = join(dir, 'qr.png');
  const video = join(dir, 'qr.y4m');
  await QRCode.toFile(png, text, { margin: 4, width: 480 });
  const filter = 'format=rgb24,scale=480:480:flags=neighbor,pad=640:480:80:0:color=white';
  const args = ['-y', '-loglevel', 'error', '-loop', '1', '-i', png, '-vf', filter];
  try {
    await run('ffmpeg', [...args, '-frames:v', '20', '-r', '10', '-pix_fmt', 'yuv420p', video]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error('ffmpeg not found: apt-get install ffmpeg', { cause: error });
    throw error;
  }
  return video;
}

/** The fake camera flags that play `video` as the only camera, with no permission prompt. */
export function fakeCameraArgs(video: string): string[] {
  return [
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`,
  ];
}

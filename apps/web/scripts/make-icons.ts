// Draws the app icon (a simple Kumamoto Castle mark) as SVG and rasterizes the PNGs the
// manifest lists. Run after changing the drawing: `npm run icons -w @kumamoto/web`.
import { mkdirSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';

const blue = '#0017c1'; // DADS blue-900: white on it passes WCAG AAA.
const pale = '#c5d7fb'; // DADS blue-200, for the walls between the white roofs.

/** The castle on a 512 grid, centred; `scale` shrinks it into a maskable icon's safe zone. */
function castle(scale: number): string {
  const shapes = [
    // Stone walls with the concave curve of Kumamoto Castle's musha-gaeshi.
    `<path fill="${pale}" d="M112 420 Q170 404 182 328 L330 328 Q342 404 400 420 Z"/>`,
    `<rect fill="${pale}" x="178" y="266" width="156" height="64"/>`,
    `<path fill="#fff" d="M126 284 Q176 278 194 242 L318 242 Q336 278 386 284 Z"/>`,
    `<rect fill="${pale}" x="200" y="200" width="112" height="44"/>`,
    `<path fill="#fff" d="M156 214 Q198 210 212 180 L300 180 Q314 210 356 214 Z"/>`,
    `<rect fill="${pale}" x="222" y="142" width="68" height="40"/>`,
    `<path fill="#fff" d="M184 154 Q222 150 234 116 L278 116 Q290 150 328 154 Z"/>`,
  ];
  const offset = 256 * (1 - scale);
  return `<g transform="translate(${offset} ${offset}) scale(${scale})">${shapes.join('')}</g>`;
}

function svg({ rounded, scale }: { rounded: boolean; scale: number }): string {
  const radius = rounded ? 96 : 0;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" rx="${radius}" fill="${blue}"/>${castle(scale)}</svg>`;
}

const out = new URL('../public/', import.meta.url);
mkdirSync(new URL('icons/', out), { recursive: true });
writeFileSync(new URL('favicon.svg', out), svg({ rounded: true, scale: 1 }) + '\n');

const targets = [
  { file: 'icons/icon-192.png', size: 192, rounded: true, scale: 1 },
  { file: 'icons/icon-512.png', size: 512, rounded: true, scale: 1 },
  // Maskable: full bleed, the mark inside the central 80 % safe circle.
  { file: 'icons/icon-maskable-512.png', size: 512, rounded: false, scale: 0.78 },
  { file: 'icons/apple-touch-icon.png', size: 180, rounded: false, scale: 0.9 },
];
for (const target of targets) {
  const png = await sharp(Buffer.from(svg(target)))
    .resize(target.size, target.size)
    .png({ compressionLevel: 9 })
    .toBuffer();
  writeFileSync(new URL(target.file, out), png);
  console.log(`${target.file} ${png.length} bytes`);
}

// Placeholder photos drawn with sharp: a diagonal gradient with a few soft
// shapes, so images differ visibly in colour and composition. Deterministic:
// the same options give the same pixels.
import sharp from 'sharp';

export interface PlaceholderOptions {
  width: number;
  height: number;
  /** Base hue in degrees. */
  hue: number;
  /** Picks the arrangement of shapes. */
  variant?: number;
}

function hsl(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const channel = (n: number) => {
    const k = (n + h / 30) % 12;
    const v = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(v * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

function svg({ width, height, hue, variant = 0 }: PlaceholderOptions): string {
  const shapes: string[] = [];
  for (let i = 0; i < 3 + (variant % 4); i++) {
    const x = ((variant * 37 + i * 53) % 100) / 100;
    const y = ((variant * 19 + i * 71) % 100) / 100;
    const r = (0.08 + ((variant + i * 7) % 10) / 50) * Math.min(width, height);
    const fill = hsl((hue + 60 + i * 25) % 360, 0.5, 0.55 + (i % 3) * 0.1);
    shapes.push(
      `<circle cx="${Math.round(x * width)}" cy="${Math.round(y * height)}" r="${Math.round(r)}" fill="${fill}" fill-opacity="0.45"/>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
<stop offset="0" stop-color="${hsl(hue, 0.45, 0.3)}"/><stop offset="1" stop-color="${hsl((hue + 40) % 360, 0.55, 0.62)}"/>
</linearGradient></defs>
<rect width="${width}" height="${height}" fill="url(#g)"/>${shapes.join('')}</svg>`;
}

export function placeholderJpeg(options: PlaceholderOptions): Promise<Buffer> {
  return sharp(Buffer.from(svg(options)))
    .jpeg({ quality: 82 })
    .toBuffer();
}

import { createImageUrlBuilder } from '@sanity/image-url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection, startTestLake, type TestLake } from '../helpers/lake.ts';

let t: TestLake;
let photo: Buffer;

beforeAll(async () => {
  t = await startTestLake({ publicUrl: 'http://cdn.lake.test' });
  // A 400×300 image with a red left half and a blue right half.
  photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#0000ff' } })
    .composite([
      { input: { create: { width: 200, height: 300, channels: 3, background: '#ff0000' } }, left: 0, top: 0 },
    ])
    .jpeg()
    .toBuffer();
});

afterAll(() => t.close());

async function size(response: Response) {
  const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
  return { width: meta.width, height: meta.height, format: meta.format };
}

describe('uploads', () => {
  it("an image upload returns Sanity's sanity.imageAsset document, computed with sharp", async () => {
    const asset = await t.editor.assets.upload('image', photo, { filename: 'halves.jpg' });
    const sha1 = asset.sha1hash;
    expect(asset).toMatchObject({
      _id: `image-${sha1}-400x300-jpg`,
      _type: 'sanity.imageAsset',
      assetId: sha1,
      extension: 'jpg',
      mimeType: 'image/jpeg',
      originalFilename: 'halves.jpg',
      size: photo.length,
      path: `images/local/production/${sha1}-400x300.jpg`,
      url: `http://cdn.lake.test/images/local/production/${sha1}-400x300.jpg`,
      metadata: { dimensions: { width: 400, height: 300, aspectRatio: 400 / 300 }, hasAlpha: false, isOpaque: true },
    });
    expect(sha1).toMatch(/^[a-f0-9]{40}$/);
    expect(asset.metadata.lqip).toMatch(/^data:image\/jpeg;base64,/);
  });

  it('uploads are deduplicated by content', async () => {
    const a = await t.editor.assets.upload('image', photo, { filename: 'one.jpg' });
    const b = await t.editor.assets.upload('image', photo, { filename: 'two.jpg' });
    expect(b._id).toBe(a._id);
    expect(b._rev).toBe(a._rev);
    expect(await t.editor.fetch('count(*[_type == "sanity.imageAsset"])')).toBe(1);
  });

  it('asset documents are queryable and dereferenceable', async () => {
    const asset = await t.editor.assets.upload('image', photo);
    await t.editor.create({
      _id: 'with-photo',
      _type: 'story',
      photo: { _type: 'image', asset: { _type: 'reference', _ref: asset._id } },
    });
    expect(await t.editor.fetch('*[_id == "with-photo"][0].photo.asset->metadata.dimensions.width')).toBe(400);
  });

  it('PNG transparency is reported', async () => {
    const png = await sharp({
      create: { width: 10, height: 10, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } },
    })
      .png()
      .toBuffer();
    const asset = await t.editor.assets.upload('image', png);
    expect(asset.metadata).toMatchObject({ hasAlpha: true, isOpaque: false });
  });

  it('a file upload returns sanity.fileAsset and is served back byte for byte', async () => {
    const bytes = Buffer.from('%PDF-1.4 not really a pdf');
    const asset = await t.editor.assets.upload('file', bytes, {
      filename: 'Report.pdf',
      contentType: 'application/pdf',
    });
    expect(asset).toMatchObject({
      _id: `file-${asset.sha1hash}-pdf`,
      _type: 'sanity.fileAsset',
      extension: 'pdf',
      mimeType: 'application/pdf',
      url: `http://cdn.lake.test/files/local/production/${asset.sha1hash}.pdf`,
    });
    const response = await t.fetch(`/files/local/production/${asset.sha1hash}.pdf`);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('refuses bytes that are not an image, and anonymous uploads', async () => {
    const failure = await rejection(
      t.editor.assets.upload('image', Buffer.from('not an image'), { filename: 'x.jpg' }),
    );
    expect(failure.statusCode).toBe(400);
    expect(failure.message).toContain('Invalid image "x.jpg"');
    // A readable header over broken pixels is no image either: a 400, not a 500.
    const cut = (await sharp(photo).png().toBuffer()).subarray(0, 100);
    const truncated = await rejection(t.editor.assets.upload('image', cut, { filename: 'cut.png' }));
    expect(truncated.statusCode).toBe(400);
    expect(truncated.message).toContain('Invalid image "cut.png"');
    expect((await rejection(t.anonymous.assets.upload('image', photo))).statusCode).toBe(403);
  });
});

describe('image transforms', () => {
  let base: string;
  let builder: ReturnType<typeof createImageUrlBuilder>;
  let assetId: string;

  beforeAll(async () => {
    const asset = await t.editor.assets.upload('image', photo);
    assetId = asset._id;
    base = `/images/local/production/${asset.sha1hash}-400x300.jpg`;
    builder = createImageUrlBuilder({ projectId: 'local', dataset: 'production', baseUrl: t.lake.url });
  });

  it('serves the original without parameters', async () => {
    const response = await t.fetch(base);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await response.arrayBuffer()).equals(photo)).toBe(true);
  });

  it.each([
    ['?dl=<name> saves it under that name', '?dl=oil%20ministry.jpg', () => 'attachment; filename="oil ministry.jpg"'],
    ['?dl alone saves it under the name in its URL', '?dl=', (file: string) => `attachment; filename="${file}"`],
    ['a rendered variant too', '?w=20&fm=webp&dl=small.webp', () => 'attachment; filename="small.webp"'],
    [
      'a name in another script: quoted for old clients, exact in filename*',
      `?dl=${encodeURIComponent('Tehrān "oil" (1).jpg')}`,
      () => `attachment; filename="Tehr_n 'oil' (1).jpg"; filename*=UTF-8''Tehr%C4%81n%20%22oil%22%20%281%29.jpg`,
    ],
    [
      'a right-to-left override cannot disguise the name',
      `?dl=${encodeURIComponent('photo\u202Egpj.exe')}`,
      () => `attachment; filename="photo_gpj.exe"; filename*=UTF-8''photo_gpj.exe`,
    ],
  ])('%s', async (_name, query, disposition) => {
    const response = await t.fetch(`${base}${query}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(disposition(base.split('/').pop() as string));
  });

  it('is shown, not saved, without ?dl', async () => {
    expect((await t.fetch(base)).headers.get('content-disposition')).toBeNull();
  });

  it.each([
    ['w only keeps the aspect ratio', { w: 200 }, { width: 200, height: 150 }],
    ['h only keeps the aspect ratio', { h: 150 }, { width: 200, height: 150 }],
    ['w+h with the default fit (clip) fits inside', { w: 100, h: 100 }, { width: 100, height: 75 }],
    ['fit=crop fills exactly', { w: 100, h: 100, fit: 'crop' }, { width: 100, height: 100 }],
    ['fit=scale distorts to exactly', { w: 50, h: 100, fit: 'scale' }, { width: 50, height: 100 }],
    ['fit=max never upscales', { w: 800, h: 800, fit: 'max' }, { width: 400, height: 300 }],
    ['fit=fill pads to exactly', { w: 100, h: 100, fit: 'fill' }, { width: 100, height: 100 }],
    ['dpr multiplies the size', { w: 100, dpr: 2 }, { width: 200, height: 150 }],
    ['rect cuts out a region first', { rect: '0,0,200,300' }, { width: 200, height: 300 }],
  ])('%s', async (_name, params, expected) => {
    const search = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
    const response = await t.fetch(`${base}?${search}`);
    expect(response.status).toBe(200);
    expect(await size(response)).toMatchObject(expected);
  });

  it('rect with fit=crop keeps the chosen region (the red left half)', async () => {
    const response = await t.fetch(`${base}?rect=0,0,200,300&w=20&h=20&fit=crop`);
    const { data } = await sharp(Buffer.from(await response.arrayBuffer()))
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(200);
    expect(data[2]).toBeLessThan(60);
  });

  it.each([
    ['webp', 'image/webp', 'webp'],
    ['avif', 'image/avif', 'heif'],
    ['png', 'image/png', 'png'],
  ])('fm=%s is encoded as %s', async (fm, contentType, format) => {
    const response = await t.fetch(`${base}?w=40&fm=${fm}&q=60`);
    expect(response.headers.get('content-type')).toBe(contentType);
    expect(await size(response)).toMatchObject({ width: 40, format });
  });

  it('q sets the encoder quality: a lower q is a smaller file of the same size', async () => {
    const bytes = async (q: number) => {
      const response = await t.fetch(`${base}?w=300&fm=jpg&q=${q}`);
      const body = Buffer.from(await response.arrayBuffer());
      expect((await sharp(body).metadata()).width).toBe(300);
      return body.length;
    };
    const [low, high] = [await bytes(10), await bytes(95)];
    expect(low).toBeLessThan(high * 0.8);
  });

  it.each(['jpg', 'webp', 'avif'])('q=0, the lowest Sanity allows, encodes %s at the lowest quality', async (fm) => {
    const response = await t.fetch(`${base}?w=40&fm=${fm}&q=0`);
    expect(response.status).toBe(200);
    expect(await size(response)).toMatchObject({ width: 40 });
  });

  it('auto=format serves WebP to clients that accept it', async () => {
    const response = await t.fetch(`${base}?w=40&auto=format`, { headers: { accept: 'image/avif,image/webp,*/*' } });
    expect(response.headers.get('content-type')).toBe('image/webp');
    const plain = await t.fetch(`${base}?w=41&auto=format`, { headers: { accept: 'image/jpeg' } });
    expect(plain.headers.get('content-type')).toBe('image/jpeg');
  });

  it('caches rendered variants on disk: the second request is not re-encoded', async () => {
    const url = `${base}?w=123&h=45&fit=crop&fm=webp`;
    const first = await t.fetch(url);
    const second = await t.fetch(url);
    expect(first.headers.get('x-lake-cache')).toBe('miss');
    expect(second.headers.get('x-lake-cache')).toBe('hit');
    expect(Buffer.from(await second.arrayBuffer()).equals(Buffer.from(await first.arrayBuffer()))).toBe(true);
  });

  it('understands URLs made by @sanity/image-url, crop and hotspot included', async () => {
    const url = builder
      .image({
        asset: { _ref: assetId },
        crop: { top: 0, bottom: 0, left: 0, right: 0.5 },
        hotspot: { x: 0.25, y: 0.5, width: 0.2, height: 0.2 },
      })
      .width(60)
      .height(60)
      .fit('crop')
      .url();
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(await size(response)).toMatchObject({ width: 60, height: 60 });
  });

  it('dpr cannot take a side past 8192 pixels: a clear 400, not gigabytes of pixels', async () => {
    // w=8192&h=8192&dpr=3 had sharp render 24576×24576, growing the lake by gigabytes.
    const bad = await t.fetch(`${base}?w=8192&h=1&dpr=3&fit=scale`);
    expect(bad.status).toBe(400);
    const { error } = (await bad.json()) as { error: { description: string } };
    expect(error.description).toBe(
      'Invalid image parameter w=8192 with dpr=3: the image would be 24576 pixels, more than 8192',
    );
    expect(await size(await t.fetch(`${base}?w=4096&h=1&dpr=2&fit=scale`))).toMatchObject({ width: 8192, height: 2 });
  });

  it.each([
    // A 1×300 region covering 300×1 was scaled to 300×90000 before the cut: a 500 from the encoder,
    // and at w=8192 billions of pixels.
    ['a sliver of the source, far wider than it', 'rect=0,0,1,300&w=300&h=1', { width: 300, height: 1 }],
    ['a wide window on a tall region', 'rect=0,0,2,300&w=1000&h=2&crop=entropy', { width: 1000, height: 2 }],
  ])('fit=crop cuts before it scales: %s', async (_name, query, expected) => {
    const response = await t.fetch(`${base}?${query}&fit=crop`);
    expect(response.status).toBe(200);
    expect(await size(response)).toMatchObject(expected);
  });

  it('bad parameters and unknown files are clear errors', async () => {
    const bad = await t.fetch(`${base}?w=-5`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { description: string } }).error.description).toContain('w=-5');
    expect((await t.fetch(`/images/local/production/${'0'.repeat(40)}-1x1.jpg`)).status).toBe(404);
    expect((await t.fetch(`/images/other-project/production/${'0'.repeat(40)}-1x1.jpg`)).status).toBe(404);
  });

  it('a deleted asset is not served, and comes back when uploaded again', async () => {
    const bytes = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#224466' } })
      .png()
      .toBuffer();
    const image = await t.editor.assets.upload('image', bytes, { filename: 'withdrawn.png' });
    const file = await t.editor.assets.upload('file', Buffer.from('withdrawn'), { filename: 'withdrawn.txt' });
    const urls = [`/${image.path}`, `/${image.path}?w=10`, `/${file.path}`];
    for (const url of urls) expect((await t.fetch(url)).status, url).toBe(200);
    await t.editor.transaction().delete(image._id).delete(file._id).commit();
    for (const url of urls) {
      const gone = await t.fetch(url);
      expect(gone.status, url).toBe(404);
      const { error } = (await gone.json()) as { error: { type: string; description: string } };
      // Sanity's type for a missing file; the description says which.
      expect(error.type, url).toBe('httpNotFound');
      expect(error.description).toMatch(/^No (image|file) asset at \//);
    }
    await t.editor.assets.upload('image', bytes, { filename: 'withdrawn.png' });
    expect((await t.fetch(`/${image.path}`)).status).toBe(200);
  });
});

// The Studio's "Edit hotspot and crop" dialog, driven by mouse as a photo
// editor does: drag the crop rectangle's left edge in, then shrink the
// hotspot ellipse and drag it down. The tool is an SVG without test ids; its
// parts are found by the styled-component names of the pinned Studio
// (CropRect, HotspotEllipse, HotspotHandle).
import type { Locator, Page } from 'playwright-core';

export type CropAndHotspot = {
  /** The share of the width to cut off the left (0.25 = a quarter). */
  cropLeft: number;
  /** Where to drag the hotspot's centre, as shares of the cropped image's width and height. */
  hotspotAt: { x: number; y: number };
};

/** Opens the image's edit dialog from its field, sets crop and hotspot, and closes it. */
export async function cropAndHotspot(page: Page, field: Locator, to: CropAndHotspot): Promise<void> {
  await field.getByTestId('options-menu-edit-details').click();
  const dialog = page.getByRole('dialog', { name: 'Edit hotspot and crop' });
  const crop = await box(dialog.locator('rect[class^="CropRect"]'));
  await drag(page, [crop.x, crop.y + crop.height / 2], [crop.x + crop.width * to.cropLeft, crop.y + crop.height / 2]);
  const cropped = await box(dialog.locator('rect[class^="CropRect"]'));
  // Halve the ellipse by its handle (on its rim), so that it can move.
  const handle = await box(dialog.locator('circle[class^="HotspotHandle-"]'));
  const ellipse = await box(dialog.locator('ellipse[class^="HotspotEllipse"]'));
  const centre = { x: ellipse.x + ellipse.width / 2, y: ellipse.y + ellipse.height / 2 };
  const grip = { x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 };
  await drag(page, [grip.x, grip.y], [(grip.x + centre.x) / 2, (grip.y + centre.y) / 2]);
  const small = await box(dialog.locator('ellipse[class^="HotspotEllipse"]'));
  await drag(
    page,
    [small.x + small.width / 2, small.y + small.height / 2],
    [cropped.x + cropped.width * to.hotspotAt.x, cropped.y + cropped.height * to.hotspotAt.y],
  );
  await dialog.getByRole('button', { name: 'Close dialog' }).click();
  await dialog.waitFor({ state: 'detached' });
}

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`The hotspot and crop tool has no ${locator}`);
  return found;
}

/** A press, a move in steps (the tool follows pointer moves), a release. */
async function drag(page: Page, from: [number, number], to: [number, number]): Promise<void> {
  await page.mouse.move(...from);
  await page.mouse.down();
  await page.mouse.move(...to, { steps: 10 });
  await page.mouse.up();
}

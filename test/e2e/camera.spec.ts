import { type Page, expect } from '@playwright/test';
import { IMAGE_LONG_SIDE_PX, THUMB_LONG_SIDE_PX } from '../../shared/attachments/limits';
import { screenshot, startWithDemoData } from './support/demo';
import { test } from './support/test';
import { confirmSaved } from './support/visitSave';

/**
 * Issue 15: a photo from the computer's camera. Chromium runs with a fake camera (its moving
 * test picture) and answers the permission prompt yes (scripts/chromium.ts). The photo taken
 * goes the way of a picked one: a thumbnail in the form, saved with the visit, on the
 * timeline, the original opened at no more than 1600 px. The camera was asked for video alone
 * and is off once the dialog closes; a camera another program holds is named as such.
 */

const PHOTO_NAME = /^拍照-\d{8}-\d{6}\.jpg$/;

interface CameraLog {
  streams: MediaStream[];
  asked: MediaStreamConstraints[];
  refuse: string | null;
}

/**
 * Keeps every stream the page is given and what it asked for, on `window.__camera`; with
 * `refuseFirst`, the first call is refused with that DOMException (as a busy camera would be).
 */
async function watchCamera(page: Page, refuseFirst: string | null = null): Promise<void> {
  await page.addInitScript((refuse) => {
    const media = navigator.mediaDevices as MediaDevices | undefined;
    if (!media) return;
    const real = media.getUserMedia.bind(media);
    const log: CameraLog = { streams: [], asked: [], refuse };
    (window as unknown as { __camera: CameraLog }).__camera = log;
    media.getUserMedia = async (constraints?: MediaStreamConstraints) => {
      log.asked.push(constraints ?? {});
      if (log.refuse) {
        const name = log.refuse;
        log.refuse = null;
        throw new DOMException('refused by the test', name);
      }
      const stream = await real(constraints);
      log.streams.push(stream);
      return stream;
    };
  }, refuseFirst);
}

/** What the page asked the camera for, and how many of the tracks it was given are still on. */
async function cameraUse(page: Page): Promise<{ asked: { audio: boolean; video: boolean }[]; tracks: number; live: number }> {
  return page.evaluate(() => {
    const log = (window as unknown as { __camera: CameraLog }).__camera;
    const tracks = log.streams.flatMap((s) => s.getTracks());
    return {
      asked: log.asked.map((c) => ({
        audio: c.audio !== undefined && c.audio !== false,
        video: c.video !== undefined && c.video !== false,
      })),
      tracks: tracks.length,
      live: tracks.filter((t) => t.readyState === 'live').length,
    };
  });
}

async function openVisitForm(page: Page): Promise<string> {
  await startWithDemoData(page, { recipients: 50, path: '/caseload' });
  await page.getByTestId('caseload-row').first().click();
  await expect(page).toHaveURL(/#\/recipients\/[0-9a-f-]{36}/);
  const profileUrl = page.url();
  await page.getByTestId('profile-log-visit').click();
  await expect(page.getByTestId('log-visit-page')).toBeVisible();
  return profileUrl;
}

test('a photo from the camera: taken, retaken, kept with the visit and shown on the timeline; the camera is off once the dialog closes', async ({
  page,
}) => {
  await watchCamera(page);
  const profileUrl = await openVisitForm(page);
  const photoCard = page.getByTestId('visit-photos');
  await photoCard.getByTestId('attachment-camera').click();

  const dialog = page.getByTestId('camera-dialog');
  const video = dialog.getByTestId('camera-video');
  // The fake camera's picture plays: its frames have a size, and 拍照 can be pressed.
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 15_000 }).toBeGreaterThan(0);
  await expect(dialog.getByTestId('camera-take')).toBeEnabled();
  await screenshot(page, '98-camera-live');

  // Taken, looked at, retaken: the frozen frame replaces the live picture and back.
  await dialog.getByTestId('camera-take').click();
  await expect(dialog.getByTestId('camera-still')).toBeVisible();
  await expect(video).toBeHidden();
  await dialog.getByTestId('camera-retake').click();
  await expect(video).toBeVisible();
  await expect(dialog.getByTestId('camera-still')).toBeHidden();
  await dialog.getByTestId('camera-take').click();
  await dialog.getByTestId('camera-use').click();
  await expect(dialog).toBeHidden();

  // Video alone was asked for, never the microphone; and no track is left on (no camera light).
  const use = await cameraUse(page);
  expect(use.asked.length).toBeGreaterThan(0);
  expect(use.asked.filter((a) => a.audio || !a.video)).toEqual([]);
  expect(use.tracks).toBeGreaterThan(0);
  expect(use.live).toBe(0);

  // In the form like a picked photo, then saved with the visit.
  const thumb = photoCard.getByTestId('attachment-thumb');
  await expect(thumb).toHaveCount(1, { timeout: 30_000 });
  await expect(thumb).toHaveAttribute('data-name', PHOTO_NAME);
  await expect(photoCard.getByTestId('attachment-error')).toHaveCount(0);
  const notes = `用摄像头拍照的走访 e2e-${Date.now()}`;
  await page.getByTestId('visit-notes').fill(notes);
  await page.getByTestId('visit-notes').focus();
  await page.keyboard.press('Control+s');
  await confirmSaved(page, /照片与材料 1 份/);

  // On the profile's timeline, from this device; the original opens, made ready like a picked photo.
  await page.goto(profileUrl);
  const visit = page.getByTestId('timeline-visit').filter({ hasText: notes });
  const tile = visit.locator('[data-testid="attachment-tile"][data-state="ready"]');
  await expect(tile).toHaveCount(1, { timeout: 30_000 });
  await expect(tile).toHaveAttribute('data-name', PHOTO_NAME);
  await visit.scrollIntoViewIfNeeded();
  await screenshot(page, '99-camera-photo-on-timeline');
  await visit.getByTestId('attachment-thumbnail').first().click();
  const preview = page.locator('.ant-image-preview-img');
  await expect(preview).toBeVisible();
  // Larger than the thumbnail: the original has replaced it in the viewer.
  await expect
    .poll(() => preview.evaluate((img: HTMLImageElement) => (img.complete ? Math.max(img.naturalWidth, img.naturalHeight) : 0)), {
      timeout: 30_000,
    })
    .toBeGreaterThan(THUMB_LONG_SIDE_PX);
  const longSide = await preview.evaluate((img: HTMLImageElement) => Math.max(img.naturalWidth, img.naturalHeight));
  expect(longSide).toBeLessThanOrEqual(IMAGE_LONG_SIDE_PX);
});

test('a camera another program holds: the dialog says so, 重试 opens it once it is free, and 取消 turns it off', async ({ page }) => {
  await watchCamera(page, 'NotReadableError');
  await openVisitForm(page);
  const photoCard = page.getByTestId('visit-photos');
  await photoCard.getByTestId('attachment-camera').click();

  const dialog = page.getByTestId('camera-dialog');
  const refusal = dialog.getByTestId('camera-error');
  await expect(refusal).toHaveAttribute('data-code', 'busy');
  await expect(refusal).toContainText('摄像头正被其他程序占用');
  await expect(dialog.getByTestId('camera-take')).toHaveCount(0);

  await dialog.getByTestId('camera-retry').click();
  await expect(refusal).toHaveCount(0);
  await expect(dialog.getByTestId('camera-take')).toBeEnabled({ timeout: 15_000 });
  expect((await cameraUse(page)).live).toBeGreaterThan(0);

  await dialog.getByTestId('camera-cancel').click();
  await expect(dialog).toBeHidden();
  expect((await cameraUse(page)).live).toBe(0);
  await expect(photoCard.getByTestId('attachment-thumb')).toHaveCount(0);
});

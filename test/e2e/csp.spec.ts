import path from 'node:path';
import { type Page, expect } from '@playwright/test';
import { newClockedPage, test } from './support/test';
import { createAppProtocolHandler } from '../../main/appProtocol';
import { buildCsp } from '../../main/csp';
import { screenshot, startWithDemoData } from './support/demo';
import { E2E_WEB_URL } from './support/ports';

/**
 * Issue 13: the built app under the desktop's strict CSP, in real Chromium. Every request of
 * the page is answered by main's own app:// handler over dist/renderer (a fresh style nonce per
 * page, in the page and in its CSP header), so the policy is the one Electron sends: no
 * 'unsafe-inline' for style elements, connect-src 'self' only. Ant Design's styles must apply
 * (through ConfigProvider's nonce) and the page must meet no CSP violation on the screens
 * that inject styles: the shell, a table, a drawer (and its scroll lock), charts and their tooltip.
 */
test.describe.configure({ mode: 'serial' });

const RENDERER_DIR = path.resolve('dist/renderer');
const handler = createAppProtocolHandler({ rootDir: RENDERER_DIR, csp: (styleNonce) => buildCsp({ styleNonce }) });

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}

let page: Page;
const consoleCsp: string[] = [];
const pageCsp: string[] = [];

/** Serves the page's origin from the app:// handler instead of the preview server. */
async function serveThroughAppProtocol(p: Page): Promise<void> {
  await p.route(`${E2E_WEB_URL}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.startsWith('/api/')) return route.abort();
    const res = await handler({ url: `app://desk${url.pathname}${url.search}`, method: route.request().method() });
    const headers = Object.fromEntries(res.headers.entries());
    if (url.pathname === '/' || url.pathname.endsWith('.html')) pageCsp.push(headers['content-security-policy'] ?? '');
    return route.fulfill({ status: res.status, headers, body: Buffer.from(await res.arrayBuffer()) });
  });
}

test.beforeAll(async ({ browser }) => {
  page = await newClockedPage(browser, { locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
  page.on('console', (msg) => {
    if (/Content.Security.Policy/i.test(msg.text())) consoleCsp.push(msg.text());
  });
  await page.addInitScript(() => {
    const seen: Violation[] = [];
    (window as unknown as { __cspViolations: Violation[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
    });
    // Every <style> that enters the page, HTML or SVG (an icon's), anywhere: one without a
    // nonce is a violation even where Chromium does not report it (156 skips empty ones).
    const unnonced: string[] = [];
    (window as unknown as { __unnoncedStyles: string[] }).__unnoncedStyles = unnonced;
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (!(node instanceof Element)) continue;
          const styles = node.matches('style') ? [node] : [...node.querySelectorAll('style')];
          for (const style of styles) {
            if (style instanceof HTMLElement || style instanceof SVGElement) {
              if (style.nonce === '') unnonced.push(`${style.parentElement?.localName ?? '?'} > ${style.outerHTML.slice(0, 120)}`);
            }
          }
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await serveThroughAppProtocol(page);
  await startWithDemoData(page, { recipients: 300, account: 'supervisor', path: '/caseload' });
});

test.afterAll(async () => {
  await page.close();
});

async function violations(): Promise<Violation[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations: Violation[] }).__cspViolations);
}

async function expectNoViolation(): Promise<void> {
  expect(await violations()).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __unnoncedStyles: string[] }).__unnoncedStyles)).toEqual([]);
  expect(consoleCsp).toEqual([]);
}

test('the page is served under the strict policy: a fresh nonce, no inline style elements, no server in connect-src', () => {
  expect(pageCsp.length).toBeGreaterThan(0);
  for (const csp of pageCsp) {
    const styleSrc = csp.split('; ').find((d) => d.startsWith('style-src '));
    expect(styleSrc).toMatch(/^style-src 'self' 'nonce-[A-Za-z0-9+/]{22}=='$/);
    expect(csp).toContain("connect-src 'self';");
  }
});

test('Ant Design styles apply: a primary button in the theme colour, a styled table, the side menu', async () => {
  await expect(page.getByTestId('caseload-row').first()).toBeVisible({ timeout: 60_000 });
  const primary = page.locator('.ant-btn-primary').first();
  await expect(primary).toBeVisible();
  await expect(primary).toHaveCSS('background-color', 'rgb(183, 28, 28)');
  await expect(primary).toHaveCSS('border-radius', '6px');
  await expect(page.locator('.ant-layout-sider').first()).toHaveCSS('background-color', 'rgb(31, 31, 31)');
  const styles = await page.evaluate(() =>
    [...document.querySelectorAll('style')].map((s) => ({ nonce: s.nonce, sheet: s.sheet !== null && s.sheet.cssRules.length > 0 })),
  );
  expect(styles.length).toBeGreaterThan(0);
  expect(styles.every((s) => s.nonce !== '')).toBe(true);
  await screenshot(page, '90-csp-caseload');
  await expectNoViolation();
});

test('a drawer opens styled, its scroll lock applied, with no violation', async () => {
  await page.getByTestId('caseload-row').first().click();
  await expect(page.getByTestId('recipient-profile')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('profile-edit').click();
  const drawer = page.getByRole('dialog', { name: '编辑资料' });
  await expect(drawer).toBeVisible();
  // Styled: a white panel over a dimmed mask, not a bare box in the page's flow.
  await expect(drawer).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  await expect(page.locator('.ant-drawer-content-wrapper').first()).toHaveCSS('position', 'absolute');
  await expect(page.locator('body')).toHaveCSS('overflow-y', 'hidden');
  await screenshot(page, '91-csp-edit-drawer');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expectNoViolation();
});

test('the review charts render and their tooltip shows styled, with no violation', async () => {
  await page.goto('/#/review');
  const chart = page.getByTestId('chart-visits');
  await expect(chart.locator('svg text').first()).toBeAttached({ timeout: 60_000 });
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  if (!box) throw new Error('chart has no box');
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 5 });
  // ECharts' HTML tooltip: a sibling of the SVG, its colour markers drawn by style attributes.
  const tooltip = chart.locator(':scope > div:not(:has(svg))').last();
  await expect(tooltip).toBeVisible();
  await expect(tooltip.locator('span').first()).toHaveCSS('border-radius', '10px');
  await screenshot(page, '92-csp-review-charts');
  await expectNoViolation();
});

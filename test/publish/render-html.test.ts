import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumPath, launchChromium } from '../../publish/chromium.ts';
import { renderHtml } from '../../publish/report/render-html.ts';

const chromium = chromiumPath();
let browser: Browser;
beforeAll(async () => {
  if (chromium) browser = await launchChromium(chromium);
});
afterAll(() => browser?.close());

// The indicators table's fourteen columns, with the unbroken codes and long notes a real report carries.
const wide = renderHtml(
  {
    title: 'Wide',
    meta: [],
    sections: [
      {
        heading: 'Indicators',
        paragraphs: [],
        charts: [],
        tables: [
          {
            id: 'indicators',
            title: 'Indicators',
            columns: Array.from({ length: 14 }, (_, i) => `column_heading_${i}`),
            rows: [Array.from({ length: 14 }, (_, i) => (i === 13 ? 'a note '.repeat(60) : `NEW_LARGE_DC_PUE_AND_MORE_${i}`))],
          },
        ],
      },
    ],
  },
  new Map(),
);

describe.skipIf(!chromium)('the report as HTML, in Chromium', () => {
  it.each([
    ['on screen', 'screen'],
    ['printed on A4', 'print'],
  ] as const)('keeps a wide table within the page %s', async (_what, media) => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.emulateMedia({ media });
    await page.setContent(wide);
    const [table, body] = await page.evaluate(() => [
      document.querySelector('table')!.getBoundingClientRect().width,
      document.body.getBoundingClientRect().width,
    ]);
    expect(table).toBeLessThanOrEqual(body! + 0.5);
    await page.close();
  });
});

import type { Page } from '@playwright/test';

// Layout checks a person would make by looking: a phone's screen, and whether a page fits it.

/** A phone as the specs hold one: 390 CSS pixels wide, touch, mobile viewport rules. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/**
 * How wide the page is against the screen, and the first few elements under `within` that stick
 * out past it (named, so a failure says where to look).
 */
export async function horizontalOverflow(page: Page, within = 'body') {
  return page.evaluate((scope) => {
    const root = document.scrollingElement ?? document.documentElement;
    const wide = [...document.querySelectorAll(`${scope} *`)]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
  }, within);
}

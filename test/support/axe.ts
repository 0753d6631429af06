import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

// The accessibility check of the end-to-end specs: axe on the page as it is now, against WCAG 2.2
// AA (which takes in 2.0 and 2.1 A and AA: target size, contrast, names, structure…).

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeViolation {
  rule: string;
  impact: string | null | undefined;
  help: string;
  /** The first few elements that break the rule, as CSS selectors. */
  nodes: string[];
}

/** Every WCAG 2.2 AA violation axe finds on `page`, in a form that reads well in a failed toEqual([]). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
  }));
}

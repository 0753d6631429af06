import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

// The accessibility check of the end-to-end specs: axe on the page as it is now.

export interface AxeViolation {
  rule: string;
  impact: string | null | undefined;
  help: string;
  /** The first few elements that break the rule, as CSS selectors. */
  nodes: string[];
}

/** axe's serious and critical violations on `page`, in a form that reads well in a failed toEqual([]). */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

// Runs axe-core on a page for WCAG 2.0 / 2.1 A and AA, and describes what it finds as one readable failure message.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The only exclusions: markup AG Grid writes that its options cannot change, each one rule on one selector.
 * (None is needed today; add `{ selector, rule, why }` here rather than disabling a rule for the whole page.)
 */
const GRID_EXCLUSIONS: readonly { selector: string; rule: string; why: string }[] = [];

/** Axe's violations on `page` as lines "rule-id (impact): help — targets", '' when there are none. */
export async function axeViolations(page: Page): Promise<string> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  const lines: string[] = [];
  for (const violation of results.violations) {
    const targets = violation.nodes
      .map((node) => node.target.join(' '))
      .filter((target) =>
        GRID_EXCLUSIONS.every(({ selector, rule }) => rule !== violation.id || !target.includes(selector)),
      );
    if (targets.length === 0) continue;
    lines.push(
      `${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help} [${violation.helpUrl}]\n    ${targets.join('\n    ')}`,
    );
  }
  return lines.join('\n');
}

'use client';

import { useEffect } from 'react';

const KEYS: Record<string, string> = { a: 'approve', s: 'spam', d: 'trash', u: 'unapprove' };

/**
 * Keyboard moderation: j/k move between comments, a approve, s spam, d trash, u unapprove.
 * Acts on the row's own buttons, so a key does exactly what the visible button does.
 */
export function ModerationShortcuts() {
  useEffect(() => {
    const rows = () => [...document.querySelectorAll<HTMLElement>('[data-comment-row]')];
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const list = rows();
      if (list.length === 0) return;
      const current = list.findIndex((r) => r.dataset.active === 'true');
      const activate = (i: number) => {
        list.forEach((r) => (r.dataset.active = 'false'));
        const row = list[Math.max(0, Math.min(list.length - 1, i))]!;
        row.dataset.active = 'true';
        row.focus();
        row.scrollIntoView({ block: 'nearest' });
      };
      if (event.key === 'j') {
        event.preventDefault();
        activate(current + 1);
      } else if (event.key === 'k') {
        event.preventDefault();
        activate(current < 0 ? 0 : current - 1);
      } else if (KEYS[event.key] && current >= 0) {
        const button = list[current]!.querySelector<HTMLButtonElement>(`button[value="${KEYS[event.key]}"]`);
        if (button) {
          event.preventDefault();
          button.click();
        }
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <aside className="shortcuts" aria-label="Keyboard shortcuts">
      <strong>Keyboard:</strong> <kbd>j</kbd>/<kbd>k</kbd> next/previous · <kbd>a</kbd> approve · <kbd>s</kbd> spam · <kbd>d</kbd> trash ·{' '}
      <kbd>u</kbd> unapprove
    </aside>
  );
}

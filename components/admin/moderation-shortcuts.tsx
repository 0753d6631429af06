'use client';

import { useEffect } from 'react';
import { FLASH_EVENT } from './action-form';

const KEYS: Record<string, string> = { a: 'approve', s: 'spam', d: 'trash', u: 'unapprove' };

/**
 * Keyboard moderation: j/k move between comments, a approve, s spam, d trash, u unapprove, z undo.
 * Acts on the row's own buttons, so a key does exactly what the visible button does. After an
 * action the next comment is selected and focused: the one that took the row's place when the row
 * left the list, else the one below it.
 */
/** Selects and focuses row `i` of the list (clamped to it). */
function select(list: HTMLElement[], i: number) {
  list.forEach((r) => (r.dataset.active = 'false'));
  const row = list[Math.max(0, Math.min(list.length - 1, i))]!;
  row.dataset.active = 'true';
  row.focus();
  row.scrollIntoView({ block: 'nearest' });
}

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
      const activate = (i: number) => select(list, i);
      if (event.key === 'j') {
        event.preventDefault();
        activate(current + 1);
      } else if (event.key === 'k') {
        event.preventDefault();
        activate(current < 0 ? 0 : current - 1);
      } else if (KEYS[event.key] && current >= 0) {
        const row = list[current]!;
        const button = row.querySelector<HTMLButtonElement>(`button[value="${KEYS[event.key]}"]`);
        if (button) {
          event.preventDefault();
          button.click();
          selectNextWhenAnswered(row, current);
        }
      } else if (event.key === 'z') {
        const undo = document.querySelector<HTMLButtonElement>('button[data-undo]');
        if (undo) {
          event.preventDefault();
          undo.click();
        }
      }
    };
    // The answer comes first (the status line), the list without the row a moment later.
    const selectNextWhenAnswered = (row: HTMLElement, index: number) => {
      const onAnswer = () => {
        window.removeEventListener(FLASH_EVENT, onAnswer);
        const started = performance.now();
        const settle = () => {
          const gone = !row.isConnected;
          if (!gone && performance.now() - started < 1500) return void requestAnimationFrame(settle);
          const list = rows();
          if (list.length > 0) select(list, gone ? index : index + 1);
        };
        requestAnimationFrame(settle);
      };
      window.addEventListener(FLASH_EVENT, onAnswer);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <aside className="shortcuts" aria-label="Keyboard shortcuts">
      <strong>Keyboard:</strong> <kbd>j</kbd>/<kbd>k</kbd> next/previous · <kbd>a</kbd> approve · <kbd>s</kbd> spam · <kbd>d</kbd> trash ·{' '}
      <kbd>u</kbd> unapprove · <kbd>z</kbd> undo
    </aside>
  );
}

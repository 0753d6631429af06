'use client';

import { useEffect, useState } from 'react';
import type { ActionState } from '@/lib/forms/action-state';
import type { UndoOffer } from '@/lib/comments/undo';
import { ActionForm, FLASH_EVENT, SubmitButton } from './action-form';

type State = ActionState<Record<string, string>>;

/**
 * The dashboard's page-wide status line: the last answer of an action whose row has gone, with
 * Undo when the action can be undone (moderation, but not delete forever). Undo answers here too.
 */
export function FlashRegion({ undo }: { undo: (state: State, formData: FormData) => Promise<State> }) {
  const [state, setState] = useState<State>();
  useEffect(() => {
    const onFlash = (event: Event) => setState((event as CustomEvent<State>).detail);
    window.addEventListener(FLASH_EVENT, onFlash);
    return () => window.removeEventListener(FLASH_EVENT, onFlash);
  }, []);
  const offer = (state?.extra as { undo?: UndoOffer } | undefined)?.undo;
  return (
    <div className="flash">
      <div role="status" aria-live="polite">
        {state?.message && <p className={`form-message${state.status === 'error' ? ' form-message--error' : ''}`}>{state.message}</p>}
      </div>
      {offer && (
        // Keyed by the offer, so a new action's Undo starts afresh.
        <ActionForm key={JSON.stringify(offer)} action={undo} className="flash__undo" label="Undo the last action" flash>
          <input type="hidden" name="action" value={offer.action} />
          <input type="hidden" name="previous" value={JSON.stringify(offer.previous)} />
          <SubmitButton className="button--quiet" data-undo pendingText="Undoing…" title="Shortcut: z">
            Undo
          </SubmitButton>
        </ActionForm>
      )}
    </div>
  );
}

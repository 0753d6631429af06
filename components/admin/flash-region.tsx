'use client';

import { useEffect, useState } from 'react';
import type { ActionState } from '@/lib/forms/action-state';
import { FLASH_EVENT } from './action-form';

/** The dashboard's page-wide status line: the last answer of an action whose row has gone. */
export function FlashRegion() {
  const [state, setState] = useState<ActionState<Record<string, string>>>();
  useEffect(() => {
    const onFlash = (event: Event) => setState((event as CustomEvent<ActionState<Record<string, string>>>).detail);
    window.addEventListener(FLASH_EVENT, onFlash);
    return () => window.removeEventListener(FLASH_EVENT, onFlash);
  }, []);
  return (
    <div role="status" aria-live="polite" className="flash">
      {state?.message && <p className={`form-message${state.status === 'error' ? ' form-message--error' : ''}`}>{state.message}</p>}
    </div>
  );
}

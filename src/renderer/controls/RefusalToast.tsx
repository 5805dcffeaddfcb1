import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useStores } from '../stores';
import { clearRefusal } from '../stores/operator';

/** How long a refused command's message stays up. */
export const REFUSAL_MS = 6_000;

/** The core's last "no", so a key or button that did nothing says why (console and phone). */
export function RefusalToast() {
  const operator = useStores().operator;
  const refusal = useStore(operator, (s) => s.refusal);
  useEffect(() => {
    if (!refusal) return;
    const timer = setTimeout(() => clearRefusal(operator), REFUSAL_MS);
    return () => clearTimeout(timer);
  }, [refusal, operator]);
  if (!refusal) return null;
  return (
    <div className="op-toast" role="alert">
      {refusal.message}
    </div>
  );
}

import type { ReactNode } from 'react';

/** One tab of a tab list, in the console's look: marked selected, and chosen on a click. */
export function TabButton({
  selected,
  onSelect,
  testId,
  children,
}: {
  selected: boolean;
  onSelect: () => void;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      role="tab"
      aria-selected={selected}
      className={`op-tab${selected ? ' is-active' : ''}`}
      onClick={onSelect}
      data-testid={testId}
    >
      {children}
    </button>
  );
}

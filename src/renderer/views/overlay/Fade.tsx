import { useEffect, useState, type CSSProperties, type ReactNode } from 'react';

interface FadeProps<T> {
  /** What to show; null hides it. */
  content: T | null;
  fadeMs: number;
  /**
   * Hide at once, with no fade out: blackout means "cut the stream now", and in safe mode a
   * name must not linger for a quarter of a second while it fades.
   */
  cut: boolean;
  children: (content: T) => ReactNode;
}

/**
 * Fades an element in when it gets content and out when it loses it. New content while it is
 * up replaces the old at once: the next lyric line must not wait for an animation.
 */
export function Fade<T>({ content, fadeMs, cut, children }: FadeProps<T>) {
  const [previous, setPrevious] = useState<T | null>(content);
  const [leaving, setLeaving] = useState<T | null>(null);
  // Adjusted during render (not in an effect), so a cut reaches the DOM in the same commit.
  if (content !== previous) {
    setPrevious(content);
    setLeaving(content === null && !cut && fadeMs > 0 ? previous : null);
  } else if (leaving !== null && (cut || content !== null)) {
    setLeaving(null);
  }

  useEffect(() => {
    if (leaving === null) return;
    const timer = setTimeout(() => setLeaving(null), fadeMs);
    return () => clearTimeout(timer);
  }, [leaving, fadeMs]);

  const shown = content ?? (cut ? null : leaving);
  if (shown === null) return null;
  return (
    <div
      className="ov-fade"
      data-phase={content === null ? 'out' : 'in'}
      style={{ '--ov-fade': `${fadeMs}ms` } as CSSProperties}
    >
      {children(shown)}
    </div>
  );
}

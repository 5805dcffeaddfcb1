import type { ReactNode } from 'react';

/** The address people type when they cannot scan: no scheme, no trailing slash. */
export function printedUrl(url: string, shortUrl?: string): string {
  return shortUrl ?? url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

/**
 * An address that wraps only after its dots and slashes, never mid-word: a break elsewhere,
 * or a hyphen, would become part of what people type.
 */
export function BreakableUrl({ address }: { address: string }) {
  const parts: ReactNode[] = address
    .split(/(?<=[./])/)
    .flatMap((part, index) => (index ? [<wbr key={index} />, part] : [part]));
  return <>{parts}</>;
}

import { useStore } from 'zustand';
import { useStores } from '../../stores';

/** Content errors from the loader (each with its file) and the core's notices. */
export function ProblemsPanel() {
  const errors = useStore(useStores().content, (s) => s.snapshot?.errors);
  const notices = useStore(useStores().operator, (s) => s.notices);
  if ((!errors || errors.length === 0) && notices.length === 0) return null;
  return (
    <section className="op-panel op-problems" aria-label="Problems">
      {errors && errors.length > 0 ? (
        <>
          <h2 className="op-heading">
            {errors.length} content {errors.length === 1 ? 'problem' : 'problems'}
          </h2>
          <p className="op-muted">
            These items are left out (or keep their last good version) until the file is fixed. The
            list updates by itself when a file is saved.
          </p>
          <ul className="op-list op-errors" data-testid="content-errors">
            {errors.map((error, i) => (
              <li key={`${error.file}:${error.line ?? ''}:${error.field}:${i}`}>
                <code className="op-error-where">
                  {error.file}
                  {error.line ? `:${error.line}` : ''}
                </code>
                {error.field ? <code className="op-error-field">{error.field}</code> : null}
                <span>{error.message}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {notices.length > 0 ? (
        <>
          <h2 className="op-heading">Notices</h2>
          <ul className="op-list op-notices" data-testid="notices">
            {notices.map((notice, i) => (
              <li key={i}>{notice.message}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

import { useEffect, useRef } from 'react';

/**
 * Asks before leaving a form with unsaved typing. A modal <dialog>: focus moves into it and
 * stays there, Escape means Stay, and focus goes back to what was focused (the link the
 * person followed) when it closes. Stay is focused first: the safe answer is one key away.
 */
export function LeavePageDialog({ onStay, onLeave }: { onStay: () => void; onLeave: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      if (before?.isConnected) before.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      role="alertdialog"
      aria-labelledby="leave-page-title"
      aria-describedby="leave-page-text"
      onCancel={(event) => {
        event.preventDefault();
        onStay();
      }}
    >
      <h2 id="leave-page-title">Leave this page?</h2>
      <p id="leave-page-text">What you have typed will be lost.</p>
      <div className="button-group">
        <button type="button" className="button" autoFocus onClick={onStay}>
          Stay
        </button>
        <button type="button" className="button button-warning" onClick={onLeave}>
          Leave
        </button>
      </div>
    </dialog>
  );
}

/** The receipt code, with what to do with it: the sending school marks the transfer received with it. */
export function ReceiptCodePanel({ code, school }: { code: string; school: string }) {
  return (
    <div className="panel" role="status" aria-labelledby="receipt-code-heading">
      <h2 id="receipt-code-heading">Receipt code</h2>
      <p className="receipt-code reference" data-testid="receipt-code">
        {code}
      </p>
      <p>Send this receipt code back to the DSL at {school}: it shows them the file reached you and was opened.</p>
    </div>
  );
}

/** Whether the package is signed by the key whose fingerprint is shown (compare it with the sending DSL by phone). */
export function PackageSignatureLine({ verified, fingerprint }: { verified: boolean; fingerprint: string }) {
  return (
    <>
      {verified ? 'Package signature verified' : 'Package signature NOT verified'} · sending DSL’s key fingerprint <span className="reference">{fingerprint}</span>
      {verified ? ' (ask the sending DSL to read theirs to you: it should be the same)' : ''}
    </>
  );
}

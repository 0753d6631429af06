'use client';

// Shown for any unexpected error. It deliberately shows no message or stack: details are in the
// server log, under the digest shown here.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="wrap">
      <div className="notice">
        <h1>Something went wrong</h1>
        <p>Sorry, this page could not be shown. Please try again in a moment.</p>
        <p>
          <button type="button" onClick={() => reset()}>
            Try again
          </button>
        </p>
        {error.digest && <p className="hint">Reference: {error.digest}</p>}
      </div>
    </main>
  );
}

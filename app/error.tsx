'use client';

// Shown for any unexpected error. It deliberately shows no message or stack: details are in the
// server log, under the digest shown here.
export default function ErrorPage({ error }: { error: Error & { digest?: string } }) {
  return (
    <main id="main" className="wrap">
      <div className="notice">
        <h1>Something went wrong</h1>
        <p>Sorry, this page could not be shown. Please try again in a moment.</p>
        <p>
          {/* A link that loads the page again: it works before the page's scripts have run (on a
              phone they wait for the reader), and asks the server afresh, as a retry should. */}
          <a className="button" href="">
            Try again
          </a>
        </p>
        {error.digest && <p className="hint">Reference: {error.digest}</p>}
      </div>
    </main>
  );
}

'use client';

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en-GB">
      <body>
        <main style={{ maxWidth: '40rem', margin: '4rem auto', fontFamily: 'Georgia, serif', padding: '0 1rem' }}>
          <h1>Something went wrong</h1>
          <p>Sorry, this page could not be shown. Please try again in a moment.</p>
          {error.digest && <p>Reference: {error.digest}</p>}
        </main>
      </body>
    </html>
  );
}

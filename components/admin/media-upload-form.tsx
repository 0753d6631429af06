'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { postPicture, UPLOAD_URL } from '@/lib/media/requests';
import { ACCEPTED_UPLOAD_TYPES, MAX_ALT_LENGTH, MAX_CREDIT_LENGTH, UPLOAD_HINT } from '@/lib/media/rules';

/**
 * The media library's upload form. Without JavaScript it is a plain multipart post to the upload
 * route, which sends the browser back to the library with the outcome; with it, the post goes by
 * fetch, the answer is read out here and the list below refreshes.
 */
export function MediaUploadForm() {
  const router = useRouter();
  const [answer, setAnswer] = useState<{ ok: boolean; message: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setPending(true);
    setAnswer(null);
    const result = await postPicture(new FormData(form));
    setPending(false);
    setAnswer(result);
    if (result.ok) {
      form.reset();
      router.refresh();
    }
  }

  return (
    <form
      method="post"
      action={UPLOAD_URL}
      encType="multipart/form-data"
      onSubmit={upload}
      aria-labelledby="media-upload-heading"
      className="media-upload"
    >
      <h2 id="media-upload-heading">Upload to the library</h2>
      <div className="inline-form">
        <div className="field">
          <label htmlFor="media-file">Picture</label>
          <input id="media-file" name="file" type="file" accept={ACCEPTED_UPLOAD_TYPES} required aria-describedby="media-file-hint" />
        </div>
        <div className="field">
          <label htmlFor="media-alt">Alt text</label>
          <input id="media-alt" name="alt" type="text" maxLength={MAX_ALT_LENGTH} aria-describedby="media-alt-hint" />
        </div>
        <div className="field">
          <label htmlFor="media-credit">Credit</label>
          <input id="media-credit" name="credit" type="text" maxLength={MAX_CREDIT_LENGTH} />
        </div>
        <button type="submit" disabled={pending}>
          {pending ? 'Uploading…' : 'Upload'}
        </button>
      </div>
      <p id="media-file-hint" className="hint">
        {UPLOAD_HINT} Camera details and GPS position are removed before the picture is stored.
      </p>
      <p id="media-alt-hint" className="hint">
        Alt text and credit are suggestions: each article can change them.
      </p>
      <div aria-live="polite" className="action-form__status">
        {answer && <p className={`form-message${answer.ok ? '' : ' form-message--error'}`}>{answer.message}</p>}
      </div>
    </form>
  );
}

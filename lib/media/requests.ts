import { MAX_UPLOAD_BYTES, describeRefusal, type LibraryAnswer, type UploadAnswer } from './rules';

// The browser's side of the dashboard's picture routes, for the media picker and the upload form.
// Every failure becomes a sentence the editor can act on; nothing here throws.

export const UPLOAD_URL = '/admin/media/upload';
const LIBRARY_URL = '/admin/media/library';

async function failure(response: Response): Promise<string> {
  if (response.status === 401) return 'Your session has ended. Sign in again in another tab, then try again.';
  if (response.status === 403) return (await response.text()) || 'Your role does not allow this.';
  return 'Something went wrong on the server. Try again; if it happens again, tell the site’s administrator.';
}

/** Posts the form (fields `file`, `alt`, `credit`) to the upload route and answers its verdict. */
export async function postPicture(form: FormData): Promise<UploadAnswer> {
  const file = form.get('file');
  if (!(file instanceof Blob) || file.size === 0) return { ok: false, message: describeRefusal({ code: 'no-file' }) };
  // Said at once, rather than after sending the whole file to be told the same.
  if (file.size > MAX_UPLOAD_BYTES) return { ok: false, message: describeRefusal({ code: 'too-large', bytes: file.size }) };
  try {
    const response = await fetch(UPLOAD_URL, { method: 'POST', body: form, headers: { Accept: 'application/json' } });
    if ((response.headers.get('content-type') ?? '').includes('application/json')) return (await response.json()) as UploadAnswer;
    return { ok: false, message: await failure(response) };
  } catch {
    return { ok: false, message: 'The picture could not be sent. Check your connection and try again.' };
  }
}

/** The newest pictures in the library, or those whose file name contains `q`. */
export async function fetchLibrary(q = ''): Promise<LibraryAnswer> {
  try {
    const response = await fetch(`${LIBRARY_URL}${q.trim() ? `?${new URLSearchParams({ q: q.trim() })}` : ''}`, {
      headers: { Accept: 'application/json' },
      cache: 'no-store',
    });
    if ((response.headers.get('content-type') ?? '').includes('application/json')) {
      return (await response.json()) as LibraryAnswer;
    }
    return { ok: false, message: await failure(response) };
  } catch {
    return { ok: false, message: 'The library could not be loaded. Check your connection and try again.' };
  }
}

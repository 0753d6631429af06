import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchLibrary, postPicture } from './requests';
import { MAX_UPLOAD_BYTES } from './rules';

// The browser's side of the picture routes: every outcome is a sentence, nothing throws.

const fetchMock = vi.fn<typeof fetch>();
vi.stubGlobal('fetch', fetchMock);
afterEach(() => fetchMock.mockReset());

function form(size: number) {
  const data = new FormData();
  if (size > 0) data.set('file', new File([new Uint8Array(size)], 'p.jpg'));
  return data;
}

describe('postPicture', () => {
  it('refuses at once, without sending, a missing file or one over the limit', async () => {
    expect(await postPicture(form(0))).toEqual({ ok: false, message: 'Choose a picture to upload.' });
    expect(await postPicture(form(MAX_UPLOAD_BYTES + 1))).toEqual({ ok: false, message: 'This picture is 10.1 MB; the limit is 10 MB.' });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('asks for JSON and passes the route’s answer on', async () => {
    fetchMock.mockResolvedValue(
      Response.json({ ok: false, message: 'This file is not a JPEG, PNG, WebP or AVIF picture.' }, { status: 415 }),
    );
    expect(await postPicture(form(10))).toEqual({ ok: false, message: 'This file is not a JPEG, PNG, WebP or AVIF picture.' });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/admin/media/upload');
    expect(init).toMatchObject({ method: 'POST', headers: { Accept: 'application/json' } });
  });

  it('says what to do when the session has ended, the role does not allow it, or the network fails', async () => {
    fetchMock.mockResolvedValueOnce(new Response('Sign in first.', { status: 401 }));
    expect((await postPicture(form(10))).message).toMatch(/^Your session has ended\. Sign in again/);
    fetchMock.mockResolvedValueOnce(new Response('This needs the editor role.', { status: 403 }));
    expect((await postPicture(form(10))).message).toBe('This needs the editor role.');
    fetchMock.mockRejectedValueOnce(new TypeError('fetch failed'));
    expect((await postPicture(form(10))).message).toBe('The picture could not be sent. Check your connection and try again.');
    fetchMock.mockResolvedValueOnce(new Response('<html>oops</html>', { status: 500, headers: { 'Content-Type': 'text/html' } }));
    expect((await postPicture(form(10))).message).toMatch(/^Something went wrong on the server\./);
  });
});

describe('fetchLibrary', () => {
  it('asks for the newest pictures, or those matching a search', async () => {
    fetchMock.mockImplementation(async () => Response.json({ ok: true, items: [] }));
    expect(await fetchLibrary()).toEqual({ ok: true, items: [] });
    await fetchLibrary('  town hall ');
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/admin/media/library', '/admin/media/library?q=town+hall']);
  });

  it('turns a failure into a sentence', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('fetch failed'));
    expect(await fetchLibrary()).toEqual({ ok: false, message: 'The library could not be loaded. Check your connection and try again.' });
  });
});

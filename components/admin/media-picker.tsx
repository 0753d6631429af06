'use client';

import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { ResponsiveImage } from '@/components/media/responsive-image';
import { fetchLibrary, postPicture } from '@/lib/media/requests';
import {
  ACCEPTED_UPLOAD_TYPES,
  markdownForImage,
  MAX_ALT_LENGTH,
  MAX_CREDIT_LENGTH,
  toMediaRef,
  UPLOAD_HINT,
  type MediaLibraryItem,
  type MediaRef,
} from '@/lib/media/rules';

/** What the list below the search shows, said in the status line. */
function describeList(n: number, q: string): string {
  if (n === 0) return q.trim() ? `No picture’s name contains “${q.trim()}”.` : 'The library is empty. Upload a picture above.';
  return `${n} ${n === 1 ? 'picture' : 'pictures'}${q.trim() ? ` matching “${q.trim()}”` : ', newest first'}.`;
}

/**
 * Chooses a picture from the media library, for the article editor: the chosen picture's
 * thumbnail, "Choose picture" (a dialog with the library and an upload field) and "Remove picture".
 * With `onInsert`, each picture in the dialog can also go into the body as Markdown.
 *
 * The dialog holds no <form>: the picker usually sits inside the editor's own form, and forms may
 * not nest. Its fields have no `name`, so the editor's form never sends them, and Enter in them
 * acts here instead of submitting that form. `name` adds a hidden field with the chosen id.
 *
 * Each picture's buttons are named "Choose <file name>" and "Insert in body (<file name>)": the
 * visible words first, then which picture (WCAG 2.5.3), so each is unique on the page.
 */
export function MediaPicker({
  value,
  onChange,
  onInsert,
  name,
}: {
  value: MediaRef | null;
  onChange(media: MediaRef | null): void;
  onInsert?(markdown: string): void;
  name?: string;
}) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const file = useRef<HTMLInputElement>(null);
  const alt = useRef<HTMLInputElement>(null);
  const credit = useRef<HTMLInputElement>(null);
  const [items, setItems] = useState<MediaLibraryItem[]>([]);
  const [query, setQuery] = useState('');
  // The status line follows from these: a load under way, its failure, or the list and its search.
  const [loading, setLoading] = useState(false);
  const [listError, setListError] = useState<string | null>(null);
  const [shownQuery, setShownQuery] = useState('');
  const [upload, setUpload] = useState<{ ok: boolean; message: string } | null>(null);
  const [uploading, setUploading] = useState(false);

  async function load(q: string) {
    setLoading(true);
    const answer = await fetchLibrary(q);
    setLoading(false);
    setListError(answer.ok ? null : answer.message);
    if (!answer.ok) return;
    setItems(answer.items);
    setShownQuery(q);
  }

  function open() {
    setUpload(null);
    dialog.current?.showModal();
    void load(query);
  }

  function close() {
    dialog.current?.close();
  }

  function choose(item: MediaLibraryItem) {
    onChange(toMediaRef(item));
    close();
  }

  function insert(item: MediaLibraryItem) {
    onInsert?.(markdownForImage(item));
    close();
  }

  async function send() {
    const form = new FormData();
    const picked = file.current?.files?.[0];
    if (picked) form.set('file', picked);
    form.set('alt', alt.current?.value ?? '');
    form.set('credit', credit.current?.value ?? '');
    setUploading(true);
    setUpload(null);
    const answer = await postPicture(form);
    setUploading(false);
    if (!answer.ok) {
      setUpload(answer);
      file.current?.focus();
      return;
    }
    setUpload({ ok: true, message: `${answer.message} It is first in the list below.` });
    setItems([answer.media, ...items.filter((m) => m.id !== answer.media.id)]);
    setShownQuery('');
    for (const input of [file, alt, credit]) if (input.current) input.current.value = '';
  }

  /** Enter in a field of the dialog does the dialog's work, not the surrounding form's submit. */
  function onEnter(event: KeyboardEvent<HTMLInputElement>, action: () => unknown) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void action();
  }

  return (
    <div className="media-picker">
      {name && <input type="hidden" name={name} value={value?.id ?? ''} />}
      {value ? (
        <figure className="media-picker__chosen">
          <ResponsiveImage image={value} alt={value.alt} sizes="12rem" className="media-picker__thumb" />
          <figcaption className="hint">
            {value.alt || 'No alt text yet.'}
            {value.credit && <> · {value.credit}</>}
          </figcaption>
        </figure>
      ) : (
        <p className="hint">No picture chosen.</p>
      )}
      <div className="media-picker__actions">
        <button type="button" onClick={open} aria-haspopup="dialog">
          Choose picture
        </button>
        {value && (
          <button type="button" className="button--quiet" onClick={() => onChange(null)}>
            Remove picture
          </button>
        )}
      </div>

      <dialog ref={dialog} className="media-dialog" aria-labelledby={`${id}-title`}>
        <div className="media-dialog__header">
          <h2 id={`${id}-title`}>Media library</h2>
          <button type="button" className="button--quiet" onClick={close}>
            Close
          </button>
        </div>

        <section className="media-dialog__upload" aria-labelledby={`${id}-upload`}>
          <h3 id={`${id}-upload`}>Upload to the library</h3>
          <div className="inline-form">
            <div className="field">
              <label htmlFor={`${id}-file`}>Picture</label>
              <input ref={file} id={`${id}-file`} type="file" accept={ACCEPTED_UPLOAD_TYPES} aria-describedby={`${id}-file-hint`} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-alt`}>Alt text</label>
              <input ref={alt} id={`${id}-alt`} type="text" maxLength={MAX_ALT_LENGTH} onKeyDown={(event) => onEnter(event, send)} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-credit`}>Credit</label>
              <input
                ref={credit}
                id={`${id}-credit`}
                type="text"
                maxLength={MAX_CREDIT_LENGTH}
                onKeyDown={(event) => onEnter(event, send)}
              />
            </div>
            <button type="button" onClick={send} disabled={uploading}>
              {uploading ? 'Uploading…' : 'Upload'}
            </button>
          </div>
          <p id={`${id}-file-hint`} className="hint">
            {UPLOAD_HINT}
          </p>
          <div aria-live="polite" className="action-form__status">
            {upload && <p className={`form-message${upload.ok ? '' : ' form-message--error'}`}>{upload.message}</p>}
          </div>
        </section>

        <section aria-labelledby={`${id}-library`}>
          <h3 id={`${id}-library`}>Choose from the library</h3>
          <div className="inline-form" role="search" aria-label="Search the media library">
            <div className="field">
              <label htmlFor={`${id}-q`}>Search by file name</label>
              <input
                id={`${id}-q`}
                type="search"
                value={query}
                onChange={(event) => setQuery(event.target.value)}
                onKeyDown={(event) => onEnter(event, () => load(query))}
              />
            </div>
            <button type="button" className="button--quiet" onClick={() => void load(query)}>
              Search
            </button>
          </div>
          <p role="status" className="hint">
            {loading ? 'Loading the library…' : (listError ?? describeList(items.length, shownQuery))}
          </p>
          <ul className="media-grid">
            {items.map((item) => {
              const label = item.originalName || `picture ${item.id}`;
              return (
                <li key={item.id} className={value?.id === item.id ? 'media-grid__item media-grid__item--chosen' : 'media-grid__item'}>
                  <ResponsiveImage image={item} alt="" sizes="10rem" className="media-grid__thumb" />
                  <p className="media-grid__name">{label}</p>
                  <p className="hint">
                    {item.width} × {item.height}
                    {value?.id === item.id && <> · chosen</>}
                  </p>
                  <div className="media-grid__actions">
                    <button type="button" onClick={() => choose(item)}>
                      Choose<span className="visually-hidden"> {label}</span>
                    </button>
                    {onInsert && (
                      <button type="button" className="button--quiet" onClick={() => insert(item)}>
                        Insert in body<span className="visually-hidden"> ({label})</span>
                      </button>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      </dialog>
    </div>
  );
}

'use client';

import { useCallback, useEffect, useRef, useState, useTransition } from 'react';
import type { ArticleActionState, SavedArticle } from '@/lib/articles/admin-actions';
import type { ActionState } from '@/lib/forms/action-state';
import type { Conflict } from '@/lib/articles/editing';
import { slugify, type Intent } from '@/lib/articles/editorial-rules';
import { renderMarkdown } from '@/lib/articles/markdown';
import type { MediaRef } from '@/lib/media/rules';
import { FormField } from '../form-field';
import { MediaPicker } from './media-picker';

// The article editor. Its fields are React state, never reset by a save, so typed text survives a
// refused save, a conflict, or a lost connection; leaving with unsaved changes asks first; drafts
// save themselves every 20 seconds. Every button posts the whole form to one server action
// (lib/articles/admin-actions.ts) with the version the editor started from.

export interface EditorValues {
  title: string;
  summary: string;
  slug: string;
  sectionId: string;
  tags: string;
  authorIds: number[];
  body: string;
  image: MediaRef | null;
  imageAlt: string;
  imageCaption: string;
  imageCredit: string;
  commentsOpen: boolean;
  correction: string;
  scheduleAt: string;
}

export interface EditorArticle {
  id: number | null;
  version: number;
  status: 'draft' | 'scheduled' | 'published' | 'unpublished';
  slug: string;
  /** Wall-clock time (SITE_TIME_ZONE) it is scheduled for, when scheduled. */
  scheduledFor: string;
}

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

const AUTOSAVE_MS = 20_000;
const STATUS_LABELS: Record<EditorArticle['status'], string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
};

function toFormData(values: EditorValues, article: EditorArticle, intent: Intent): FormData {
  const form = new FormData();
  form.set('id', article.id === null ? '' : String(article.id));
  form.set('version', String(article.version));
  form.set('intent', intent);
  for (const key of [
    'title',
    'summary',
    'slug',
    'sectionId',
    'tags',
    'body',
    'imageAlt',
    'imageCaption',
    'imageCredit',
    'correction',
    'scheduleAt',
  ] as const)
    form.set(key, values[key]);
  for (const id of values.authorIds) form.append('authorIds', String(id));
  form.set('imageId', values.image ? String(values.image.id) : '');
  if (values.commentsOpen) form.set('commentsOpen', 'on');
  return form;
}

export function ArticleEditor({
  action,
  initial,
  article: initialArticle,
  sections,
  authors,
  tagNames,
  timeZone,
}: {
  action: Action;
  initial: EditorValues;
  article: EditorArticle;
  sections: { id: number; name: string }[];
  authors: { id: number; name: string }[];
  tagNames: string[];
  timeZone: string;
}) {
  const [values, setValues] = useState(initial);
  const [article, setArticle] = useState(initialArticle);
  const [saved, setSaved] = useState(JSON.stringify(initial));
  const [answer, setAnswer] = useState<ArticleActionState>({ status: 'idle' });
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [mine, setMine] = useState<EditorValues | null>(null);
  const [slugEdited, setSlugEdited] = useState(initialArticle.id !== null);
  const [pending, startTransition] = useTransition();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const dirty = JSON.stringify(values) !== saved;
  const everPublished = article.status === 'published' || article.status === 'unpublished';
  const errors = answer.status === 'error' ? (answer.fieldErrors ?? {}) : {};

  const set = <K extends keyof EditorValues>(key: K, value: EditorValues[K]) =>
    setValues((v) => {
      const next = { ...v, [key]: value };
      if (key === 'title' && !slugEdited && !everPublished) next.slug = slugify(String(value));
      return next;
    });

  // What the latest render holds, for saves that start later (a queued save, the autosave timer).
  const latest = useRef({ values, article });
  latest.current = { values, article };
  // One save at a time: two at once would carry the same version, and the second would be refused
  // as a conflict with the first (or, for a new article, create it twice). A press during a save
  // waits for it; an autosave during one is dropped.
  const inFlight = useRef(false);
  const queued = useRef<{ intent: Intent; then?: (id: number) => void } | null>(null);

  const submit = useCallback(
    function send(intent: Intent, then?: (id: number) => void) {
      if (inFlight.current) {
        if (intent !== 'autosave') queued.current = { intent, then };
        return;
      }
      inFlight.current = true;
      const { values: sent, article: from } = latest.current;
      startTransition(async () => {
        let result: ArticleActionState;
        try {
          const answer = await action({ status: 'idle' }, toFormData(sent, from, intent));
          result = { ...answer, extra: answer.extra as SavedArticle | undefined };
        } catch {
          result = { status: 'error', message: 'Not saved: the dashboard could not be reached. Your text is still here; try again.' };
        }
        const saved = result.extra;
        if (result.status === 'success' && saved?.id !== undefined) {
          const now = { ...sent, slug: saved.slug ?? sent.slug };
          setConflict(null);
          // Unpublishing saves no field, so what is on screen stays unsaved.
          if (intent !== 'unpublish') setSaved(JSON.stringify(now));
          const next = {
            ...from,
            id: saved.id,
            version: saved.version!,
            slug: saved.slug!,
            status: (saved.status as EditorArticle['status']) ?? from.status,
            scheduledFor: saved.scheduledFor ?? '',
          };
          latest.current = { values: latest.current.values, article: next };
          setArticle(next);
          if (saved.slug && saved.slug !== sent.slug) setValues((v) => ({ ...v, slug: saved.slug! }));
          if (from.id === null) window.history.replaceState(null, '', `/admin/articles/${saved.id}`);
          then?.(saved.id);
        } else if (saved?.conflict) {
          setConflict(saved.conflict);
        }
        setAnswer(result);
        inFlight.current = false;
        const waiting = queued.current;
        queued.current = null;
        if (waiting) send(waiting.intent, waiting.then);
      });
    },
    [action],
  );

  // Autosave: drafts only (a published article changes for readers only when Update is pressed),
  // every 20 seconds while there are unsaved changes, typing or not.
  const canAutosave = dirty && !conflict && article.status === 'draft' && values.title.trim() !== '' && values.sectionId !== '';
  useEffect(() => {
    if (!canAutosave) return;
    const timer = setInterval(() => submit('autosave'), AUTOSAVE_MS);
    return () => clearInterval(timer);
  }, [canAutosave, submit]);

  // Leaving with unsaved changes asks first: closing the tab, and links inside the dashboard.
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!link || link.getAttribute('target') === '_blank' || event.defaultPrevented) return;
      if (!window.confirm('You have unsaved changes. Leave this page and lose them?')) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [dirty]);

  const preview = () => {
    // Opened now, inside the click, so no pop-up blocker stops it; pointed at the preview once saved.
    const tab = window.open('about:blank', '_blank');
    const open = (id: number) => {
      if (tab) tab.location.href = `/admin/preview/${id}`;
    };
    if (article.id !== null && (!dirty || article.status === 'published')) open(article.id);
    else submit('save', open);
  };

  const useTheirs = () => {
    if (!conflict) return;
    setMine(values);
    const theirs = conflict.theirs;
    const next: EditorValues = {
      ...values,
      ...theirs,
      sectionId: String(theirs.sectionId),
      image: conflict.theirImage,
      scheduleAt: values.scheduleAt,
    };
    setValues(next);
    setSaved(JSON.stringify(next));
    setArticle((a) => ({ ...a, version: conflict.version, status: conflict.status, slug: conflict.slug }));
    setConflict(null);
    setAnswer({ status: 'success', message: `You now have ${conflict.by}’s version. Your text is kept below until you leave this page.` });
  };

  const keepMine = () => {
    if (!conflict) return;
    // Their save may have published or unpublished it: the buttons follow where it now stands.
    setArticle((a) => ({ ...a, version: conflict.version, status: conflict.status, slug: conflict.slug }));
    setConflict(null);
    setAnswer({
      status: 'idle',
      message: `Your text will replace ${conflict.by}’s at your next ${conflict.status === 'published' ? 'Update' : 'save'}.`,
    });
  };

  /** What a FormField needs from its name: its id, its form name and the server's errors for it. */
  const field = (name: keyof EditorValues) => ({ id: `article-${name}`, name, errors: errors[name] });
  const fieldProps = (name: keyof EditorValues) => ({
    id: `article-${name}`,
    name,
    'aria-invalid': Boolean(errors[name]?.length) || undefined,
    'aria-describedby': errors[name]?.length ? `article-${name}-error` : undefined,
  });
  const fieldError = (name: string) =>
    errors[name]?.length ? (
      <p id={`article-${name}-error`} className="field-error">
        {errors[name]!.join(' ')}
      </p>
    ) : null;

  const button = (intent: Intent, label: string, quiet = false) => (
    <button type="button" className={quiet ? 'button--quiet' : undefined} disabled={pending} onClick={() => submit(intent)}>
      {label}
    </button>
  );

  return (
    <form
      className="article-editor"
      aria-label="Article"
      onSubmit={(e) => {
        e.preventDefault();
        submit(article.status === 'published' ? 'update' : 'save');
      }}
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key === 's') {
          e.preventDefault();
          if (article.status !== 'published') submit('save');
        }
      }}
    >
      <p className="article-editor__state">
        <strong>{STATUS_LABELS[article.status]}</strong>
        {article.status === 'scheduled' && article.scheduledFor && (
          <>
            {' '}
            for {article.scheduledFor.replace('T', ' ')} ({timeZone})
          </>
        )}
        {article.id !== null && <> · version {article.version}</>}
        {dirty ? ' · unsaved changes' : article.id !== null ? ' · all changes saved' : ''}
        {pending && ' · saving…'}
        {article.status === 'published' && (
          <>
            {' '}
            · <a href={`/articles/${article.slug}`}>View on the site</a>
          </>
        )}
      </p>
      <div aria-live="polite" className="action-form__status">
        {answer.message && <p className={`form-message${answer.status === 'error' ? ' form-message--error' : ''}`}>{answer.message}</p>}
      </div>

      {conflict && (
        <section className="conflict" aria-labelledby="conflict-heading">
          <h2 id="conflict-heading">
            {conflict.by}’s version (saved {conflict.atText})
          </h2>
          <p>Both texts are kept: yours is in the form, theirs is here. Choose one, or copy what you need from theirs into yours.</p>
          <dl className="conflict__fields">
            <dt>Title</dt>
            <dd>{conflict.theirs.title}</dd>
            <dt>Summary</dt>
            <dd>{conflict.theirs.summary || '—'}</dd>
          </dl>
          <label htmlFor="conflict-body">Their body</label>
          <textarea id="conflict-body" readOnly rows={8} value={conflict.theirs.body} />
          <div className="button-row">
            <button type="button" onClick={useTheirs}>
              Use their version
            </button>
            <button type="button" className="button--quiet" onClick={keepMine}>
              Keep mine (save over theirs)
            </button>
          </div>
        </section>
      )}

      <FormField
        {...field('title')}
        label="Title"
        maxLength={200}
        required
        value={values.title}
        onChange={(e) => set('title', e.target.value)}
      />
      <FormField
        {...field('summary')}
        label="Summary"
        multiline
        rows={2}
        maxLength={400}
        value={values.summary}
        onChange={(e) => set('summary', e.target.value)}
        hint="The standfirst: one or two sentences under the headline, also used in listings and search results."
      />
      <FormField
        {...field('slug')}
        label="Slug"
        maxLength={120}
        value={values.slug}
        onChange={(e) => {
          setSlugEdited(true);
          set('slug', e.target.value);
        }}
        hint={
          <>
            The address: /articles/{values.slug || '…'}.{' '}
            {everPublished ? 'Changing it keeps the old address working: it redirects here.' : 'Filled from the title until you edit it.'}
          </>
        }
      />
      <div className="field-row">
        <div className="field">
          <label htmlFor="article-sectionId">Section</label>
          <select {...fieldProps('sectionId')} value={values.sectionId} onChange={(e) => set('sectionId', e.target.value)}>
            <option value="">Choose a section</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          {fieldError('sectionId')}
        </div>
        <div>
          <FormField
            {...field('tags')}
            label="Tags"
            list="article-tag-names"
            value={values.tags}
            onChange={(e) => set('tags', e.target.value)}
            hint="Separated by commas; existing tags are suggested, new ones are created."
          />
          <datalist id="article-tag-names">
            {tagNames.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
        </div>
      </div>
      <fieldset className="field authors-picker" aria-describedby={errors.authorIds?.length ? 'article-authorIds-error' : undefined}>
        <legend>Authors</legend>
        <p className="hint">Bylines appear in the order you tick them.</p>
        <ul>
          {authors.map((a) => (
            <li key={a.id}>
              <label>
                <input
                  type="checkbox"
                  checked={values.authorIds.includes(a.id)}
                  onChange={(e) =>
                    set('authorIds', e.target.checked ? [...values.authorIds, a.id] : values.authorIds.filter((id) => id !== a.id))
                  }
                />{' '}
                {a.name}
                {values.authorIds.includes(a.id) && values.authorIds.length > 1 && (
                  <span className="hint"> (byline {values.authorIds.indexOf(a.id) + 1})</span>
                )}
              </label>
            </li>
          ))}
        </ul>
        {fieldError('authorIds')}
      </fieldset>

      <fieldset className="field image-fields">
        <legend>Image</legend>
        <MediaPicker
          value={values.image}
          onChange={(image) =>
            setValues((v) => ({
              ...v,
              image,
              imageAlt: image && !v.imageAlt ? image.alt : v.imageAlt,
              imageCredit: image && !v.imageCredit ? image.credit : v.imageCredit,
            }))
          }
          onInsert={(markdown) => {
            const area = bodyRef.current;
            const at = area ? area.selectionStart : values.body.length;
            set('body', `${values.body.slice(0, at)}\n\n${markdown}\n\n${values.body.slice(at)}`);
          }}
        />
        {fieldError('imageId')}
        <FormField
          {...field('imageAlt')}
          label="Alt text"
          maxLength={300}
          value={values.imageAlt}
          onChange={(e) => set('imageAlt', e.target.value)}
          hint="What the picture shows, for readers who cannot see it. Needed to publish a picture."
        />
        <div className="field-row">
          <FormField
            {...field('imageCaption')}
            label="Caption"
            maxLength={500}
            value={values.imageCaption}
            onChange={(e) => set('imageCaption', e.target.value)}
          />
          <FormField
            {...field('imageCredit')}
            label="Credit"
            maxLength={200}
            value={values.imageCredit}
            onChange={(e) => set('imageCredit', e.target.value)}
          />
        </div>
      </fieldset>

      <div className="body-editor">
        <FormField
          {...field('body')}
          label="Body"
          multiline
          ref={bodyRef}
          rows={24}
          value={values.body}
          onChange={(e) => set('body', e.target.value)}
          hint="Markdown: ## for a heading, **bold**, *italic*, [a link](https://…), > for a quote, - for a list."
        />
        <section className="body-preview" aria-labelledby="body-preview-heading">
          <h2 id="body-preview-heading">Preview of the body</h2>
          {/* The public page's own renderer (lib/articles/markdown.ts): no raw HTML or unsafe URL gets through. */}
          <div className="prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(values.body) }} />
        </section>
      </div>

      <div className="field checkbox-field">
        <label>
          <input
            type="checkbox"
            name="commentsOpen"
            checked={values.commentsOpen}
            onChange={(e) => set('commentsOpen', e.target.checked)}
          />{' '}
          Comments open
        </label>
      </div>

      {everPublished && (
        <FormField
          {...field('correction')}
          label="Correction"
          multiline
          rows={2}
          maxLength={1000}
          value={values.correction}
          onChange={(e) => set('correction', e.target.value)}
          hint="Shown at the end of the article with the date you change it. Leave empty when there is nothing to correct."
        />
      )}

      {article.status !== 'published' && (
        <FormField
          {...field('scheduleAt')}
          label={`Publish at (${timeZone})`}
          type="datetime-local"
          value={values.scheduleAt}
          onChange={(e) => set('scheduleAt', e.target.value)}
        />
      )}

      <div className="button-row editor-actions">
        {article.status === 'published' ? (
          <>
            {button('update', 'Update')}
            <button type="button" className="button--quiet" onClick={preview} disabled={pending}>
              Preview
            </button>
            {button('unpublish', 'Unpublish', true)}
          </>
        ) : (
          <>
            {button('save', article.status === 'scheduled' ? 'Save' : 'Save draft')}
            <button type="button" className="button--quiet" onClick={preview} disabled={pending}>
              Preview
            </button>
            {button('publish', article.status === 'scheduled' ? 'Publish now' : 'Publish')}
            {button('schedule', article.status === 'scheduled' ? 'Reschedule' : 'Schedule')}
            {article.status === 'scheduled' && button('unpublish', 'Unschedule', true)}
          </>
        )}
      </div>

      {mine && (
        <section className="conflict" aria-labelledby="mine-heading">
          <h2 id="mine-heading">Your text before you took theirs</h2>
          <label htmlFor="mine-body">Your body</label>
          <textarea id="mine-body" readOnly rows={8} value={mine.body} />
          <button type="button" className="button--quiet" onClick={() => setMine(null)}>
            Dismiss
          </button>
        </section>
      )}
    </form>
  );
}

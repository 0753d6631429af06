'use client';

import { useActionState } from 'react';
import type { IssueFormState } from '@/lib/newsletter/admin-actions';
import { SubmitButton } from './action-form';

type Action = (state: IssueFormState, formData: FormData) => Promise<IssueFormState>;

export interface PickerArticle {
  id: number;
  title: string;
  section: string;
  publishedAt: string;
  sinceLastIssue: boolean;
}

/** Compose or edit an issue: subject, Markdown introduction, and the articles in order. */
export function IssueForm({
  action,
  subject,
  intro,
  articles,
  selected,
  issueId,
  sections,
  sectionId = null,
}: {
  action: Action;
  /** The draft being edited; none for a new issue. */
  issueId?: number;
  subject: string;
  intro: string;
  articles: PickerArticle[];
  /** Article ids in their order; empty for a new issue (then those since the last issue are ticked). */
  selected: number[];
  /** The sections an issue can go to, besides everyone. */
  sections: { id: number; name: string }[];
  /** The draft's audience: a section, or null for everyone. */
  sectionId?: number | null;
}) {
  const [state, formAction] = useActionState(action, { status: 'idle' });
  const chosen = selected.length ? selected : articles.filter((a) => a.sinceLastIssue).map((a) => a.id);
  const order = (id: number) => (chosen.includes(id) ? chosen.indexOf(id) + 1 : chosen.length + articles.findIndex((a) => a.id === id) + 1);
  const sorted = [...articles].sort((a, b) => order(a.id) - order(b.id));
  const error = (field: 'subject' | 'intro' | 'sectionId') => state.fieldErrors?.[field]?.join(' ');
  return (
    <form action={formAction} className="issue-form" aria-label="Newsletter issue">
      {issueId !== undefined && <input type="hidden" name="id" value={issueId} />}
      <div className="field">
        <label htmlFor="issue-subject">Subject</label>
        <input
          id="issue-subject"
          name="subject"
          type="text"
          maxLength={150}
          defaultValue={state.values?.subject ?? subject}
          aria-describedby={error('subject') ? 'issue-subject-error' : undefined}
        />
        {error('subject') && (
          <p id="issue-subject-error" className="field-error">
            {error('subject')}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="issue-intro">Introduction (Markdown)</label>
        <textarea id="issue-intro" name="intro" rows={6} defaultValue={state.values?.intro ?? intro} />
        {error('intro') && <p className="field-error">{error('intro')}</p>}
      </div>
      <div className="field">
        <label htmlFor="issue-audience">Send to</label>
        <select
          id="issue-audience"
          name="sectionId"
          defaultValue={state.values?.sectionId ?? (sectionId === null ? '' : String(sectionId))}
          key={state.values?.sectionId ?? String(sectionId)}
          aria-describedby={error('sectionId') ? 'issue-audience-error' : 'issue-audience-hint'}
          aria-invalid={Boolean(error('sectionId'))}
        >
          <option value="">Everyone</option>
          {sections.map((s) => (
            <option key={s.id} value={s.id}>
              Subscribers of {s.name}
            </option>
          ))}
        </select>
        <p id="issue-audience-hint" className="hint">
          A section&apos;s issue goes to those who chose that section, and to those who take every section.
        </p>
        {error('sectionId') && (
          <p id="issue-audience-error" className="field-error">
            {error('sectionId')}
          </p>
        )}
      </div>
      <fieldset className="article-picker">
        <legend>Articles, in the order they appear (lower numbers first)</legend>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Include</th>
              <th scope="col">Order</th>
              <th scope="col">Article</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((a) => (
              <tr key={a.id}>
                <td>
                  <input type="checkbox" name="articles" value={a.id} defaultChecked={chosen.includes(a.id)} id={`pick-${a.id}`} />
                </td>
                <td>
                  <input
                    type="number"
                    name={`position-${a.id}`}
                    defaultValue={order(a.id)}
                    min={1}
                    max={999}
                    className="position-input"
                    aria-label={`Order of “${a.title}”`}
                  />
                </td>
                <td>
                  <label htmlFor={`pick-${a.id}`}>{a.title}</label>
                  <br />
                  <span className="hint">
                    {a.section} · {a.publishedAt.slice(0, 10)}
                    {a.sinceLastIssue && ' · new since the last issue'}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <div aria-live="polite">
        {state.message && <p className={`form-message${state.status === 'error' ? ' form-message--error' : ''}`}>{state.message}</p>}
      </div>
      <SubmitButton pendingText="Saving…">Save draft</SubmitButton>
    </form>
  );
}

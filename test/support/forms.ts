// Posting a page's form the way a browser without JavaScript does, so a script goes through the
// very server action the page renders. Next renders a form whose action is a server action with
// hidden inputs ($ACTION_ID_<id>, or $ACTION_REF_n / $ACTION_n:0 / $ACTION_KEY for an action used
// through useActionState); a multipart POST of every field to the page's URL runs that action and
// answers with the page rendered with the action's result.

export type FormField = [name: string, value: string];

export interface ParsedForm {
  /** Every named field in document order, with its value as rendered (hidden inputs included). */
  fields: FormField[];
  /** The server action's id, from $ACTION_ID_<id> or the JSON in $ACTION_n:0; null if none. */
  actionId: string | null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const inner = tag.replace(/^<\w+/, '').replace(/\/?>$/, '');
  for (const m of inner.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    out[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

/**
 * Finds the first POST form in `html` whose markup contains `marker` (a field name such as
 * `name="nickname"`) and reads its fields: inputs (not buttons; checkboxes only when checked)
 * and textareas. Throws when there is no such form, so a changed page fails loudly.
 */
export function findForm(html: string, marker: string): ParsedForm {
  for (const m of html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/gi)) {
    const [whole, body] = m;
    if (!body!.includes(marker) || !/method="post"/i.test(whole.slice(0, whole.indexOf('>') + 1))) continue;
    const fields: FormField[] = [];
    for (const t of body!.matchAll(/<input\b[^>]*>|<textarea\b[^>]*>([\s\S]*?)<\/textarea>/gi)) {
      const attrs = attributes(t[0].slice(0, t[0].indexOf('>') + 1));
      if (!('name' in attrs)) continue;
      const type = (attrs.type ?? 'text').toLowerCase();
      if (['submit', 'button', 'image', 'reset', 'file'].includes(type)) continue;
      if ((type === 'checkbox' || type === 'radio') && !('checked' in attrs)) continue;
      const isTextarea = t[0].toLowerCase().startsWith('<textarea');
      fields.push([attrs.name!, isTextarea ? decodeEntities(t[1] ?? '') : (attrs.value ?? '')]);
    }
    let actionId: string | null = null;
    for (const [name, value] of fields) {
      const direct = /^\$ACTION_ID_(.+)$/.exec(name);
      if (direct) actionId = direct[1]!;
      else if (/^\$ACTION_\d+:0$/.test(name)) {
        try {
          actionId = (JSON.parse(value) as { id?: string }).id ?? actionId;
        } catch {
          /* not the reference */
        }
      }
    }
    return { fields, actionId };
  }
  throw new Error(`no POST form containing ${marker} on the page`);
}

/** The form's fields with some values replaced (by name); names not in the form are appended. */
export function fillForm(form: ParsedForm, values: Record<string, string>): FormField[] {
  const out: FormField[] = form.fields.map(([name, value]) => [name, name in values ? values[name]! : value]);
  for (const [name, value] of Object.entries(values)) if (!form.fields.some(([n]) => n === name)) out.push([name, value]);
  return out;
}

export interface PostResult {
  status: number;
  ms: number;
  body: string;
  /** The Location of a redirect answer (303 after a successful form post). */
  location?: string;
  /** Set by postFormAndFollow when the answer was a redirect it followed: that answer's status. */
  redirectStatus?: number;
  /** Network error or timeout message; status is 0 then. */
  error?: string;
}

/** A multipart/form-data POST, as a browser submits a form with enctype multipart (no redirects followed). */
export async function postForm(
  url: string,
  fields: FormField[],
  headers: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<PostResult> {
  const body = new FormData();
  for (const [name, value] of fields) body.append(name, value);
  const started = performance.now();
  try {
    const res = await fetch(url, {
      method: 'POST',
      body,
      headers: { Origin: new URL(url).origin, Accept: 'text/html', ...headers },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    return { status: res.status, ms: performance.now() - started, body: text, location: res.headers.get('location') ?? undefined };
  } catch (error) {
    return { status: 0, ms: performance.now() - started, body: '', error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * A form POST as a browser makes it, redirect included: after a 303 the browser GETs the Location.
 * The result is the final page, timed from the POST; `redirectStatus` records the redirect.
 */
export async function postFormAndFollow(
  url: string,
  fields: FormField[],
  headers: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<PostResult> {
  const post = await postForm(url, fields, headers, timeoutMs);
  if (![301, 302, 303, 307, 308].includes(post.status) || !post.location) return post;
  const started = performance.now() - post.ms;
  const { Origin: _origin, ...getHeaders } = headers;
  try {
    const res = await fetch(new URL(post.location, url), {
      headers: { Accept: 'text/html', ...getHeaders },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    return { status: res.status, ms: performance.now() - started, body: text, redirectStatus: post.status, location: post.location };
  } catch (error) {
    return {
      status: 0,
      ms: performance.now() - started,
      body: '',
      redirectStatus: post.status,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

import { createRequire } from 'node:module';

// Calls a server action over HTTP the way a browser does, without a browser. A server action is
// a POST endpoint: anyone can send one, with any cookie and any Origin, so the access tests do.
//
//   fetch: what React sends once the page has loaded: a `Next-Action: <id>` header and the
//          arguments encoded with React's own encodeReply (the same copy Next ships).
//   form:  what a plain HTML form posts before scripts load (and what a cross-site form would
//          post): multipart fields naming the action, no header.

type EncodeReply = (value: unknown) => Promise<string | FormData>;
const { encodeReply } = createRequire(__filename)('next/dist/compiled/react-server-dom-webpack/client.node') as {
  encodeReply: EncodeReply;
};

export type FormFields = Record<string, string | string[]>;

export interface ActionCall {
  baseUrl: string;
  /** The page the action belongs to (one of its manifest workers). */
  path: string;
  id: string;
  /** 2 for (state, formData) actions, 1 for (formData). */
  arity: number;
  fields: FormFields;
  /** Sent as the Cookie header; none when omitted. */
  cookie?: string;
  /** The Origin header; the site's own origin when omitted. */
  origin?: string;
  encoding?: 'fetch' | 'form';
}

export interface ActionAnswer {
  status: number;
  /** Where the action asked the browser to go (`x-action-redirect`, or a Location header). */
  redirect: string | null;
  contentType: string;
  body: string;
}

function toFormData(fields: FormFields): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
  return data;
}

async function fetchBody(call: ActionCall): Promise<FormData | string> {
  const form = toFormData(call.fields);
  return encodeReply(call.arity >= 2 ? [{ status: 'idle' }, form] : [form]);
}

function formBody(call: ActionCall): FormData {
  const form = toFormData(call.fields);
  if (call.arity >= 2) {
    // useActionState's progressive form: the action with its bound state, then the fields.
    form.append('$ACTION_REF_1', '');
    form.append('$ACTION_1:0', JSON.stringify({ id: call.id, bound: '$@1' }));
    form.append('$ACTION_1:1', JSON.stringify([{ status: 'idle' }]));
    form.append('$ACTION_KEY', 'k0');
  } else {
    form.append(`$ACTION_ID_${call.id}`, '');
  }
  return form;
}

export async function callServerAction(call: ActionCall): Promise<ActionAnswer> {
  const encoding = call.encoding ?? 'fetch';
  const headers: Record<string, string> = { Origin: call.origin ?? new URL(call.baseUrl).origin };
  if (call.cookie) headers.Cookie = call.cookie;
  if (encoding === 'fetch') {
    headers['Next-Action'] = call.id;
    headers.Accept = 'text/x-component';
  }
  const body = encoding === 'fetch' ? await fetchBody(call) : formBody(call);
  if (typeof body === 'string') headers['Content-Type'] = 'text/plain;charset=UTF-8';
  const response = await fetch(new URL(call.path, call.baseUrl), { method: 'POST', headers, body, redirect: 'manual' });
  return {
    status: response.status,
    redirect: response.headers.get('x-action-redirect') ?? response.headers.get('location'),
    contentType: response.headers.get('content-type') ?? '',
    body: await response.text(),
  };
}

/** Calls any server function (a `'use cache'` read too) by id with `args`, as React would: the body Next decodes. */
export async function callServerFunction(baseUrl: string, path: string, id: string, args: unknown[]): Promise<ActionAnswer> {
  const body = await encodeReply(args);
  const headers: Record<string, string> = { Origin: new URL(baseUrl).origin, 'Next-Action': id, Accept: 'text/x-component' };
  if (typeof body === 'string') headers['Content-Type'] = 'text/plain;charset=UTF-8';
  const response = await fetch(new URL(path, baseUrl), { method: 'POST', headers, body, redirect: 'manual' });
  return {
    status: response.status,
    redirect: response.headers.get('x-action-redirect') ?? response.headers.get('location'),
    contentType: response.headers.get('content-type') ?? '',
    body: await response.text(),
  };
}

import { describe, expect, it } from 'vitest';
import { xmlText } from './rss';

describe('xmlText', () => {
  it('escapes markup and drops every character XML 1.0 forbids, keeping the rest of the text', () => {
    expect(xmlText(`<b>"Fish" & chips</b>`)).toBe('&lt;b&gt;&quot;Fish&quot; &amp; chips&lt;/b&gt;');
    // A reader's comment with a stray control character or a noncharacter still makes a valid feed.
    expect(xmlText('a\u0000b\u0008c\u000bd\uFFFEe\uFFFFf')).toBe('abcdef');
    expect(xmlText('tab\tline\nreturn\r emoji 😀 accent é')).toBe('tab\tline\nreturn\r emoji 😀 accent é');
  });
});

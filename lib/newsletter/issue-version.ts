import { createHash } from 'node:crypto';

/**
 * A fingerprint of what a draft issue says (subject, introduction, articles in order). The send
 * form carries the one its preview showed, so a draft changed after that preview is never sent
 * unseen.
 */
export function issueVersion(issue: { subject: string; intro: string; articles: { id: number }[] }): string {
  const content = JSON.stringify([issue.subject, issue.intro, issue.articles.map((a) => a.id)]);
  return createHash('sha256').update(content).digest('base64url').slice(0, 22);
}

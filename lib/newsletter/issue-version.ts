import { createHash } from 'node:crypto';

/**
 * A fingerprint of what a draft issue says (subject, introduction, articles in order) and who it
 * is for (its section, if any). The send form carries the one its preview showed, so a draft
 * changed after that preview is never sent unseen, nor to another audience.
 */
export function issueVersion(issue: { subject: string; intro: string; articles: { id: number }[]; sectionId?: number | null }): string {
  // An issue for everyone keeps the fingerprint it had before issues could go to one section.
  const audience = issue.sectionId ? [issue.sectionId] : [];
  const content = JSON.stringify([issue.subject, issue.intro, issue.articles.map((a) => a.id), ...audience]);
  return createHash('sha256').update(content).digest('base64url').slice(0, 22);
}

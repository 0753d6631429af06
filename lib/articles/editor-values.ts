import 'server-only';
import { env } from '@/lib/env';
import { newsroomNow } from '@/lib/site/clock';
import type { ArticleForEditing } from './admin-queries';
import { toZonedInput } from './editorial-rules';

// What the editor opens with: a saved article's fields, or a blank one.

export function editorValuesFor(article: ArticleForEditing | null, defaults: { sectionId?: number; authorId?: number } = {}) {
  const now = newsroomNow();
  // A new schedule defaults to the next whole hour, tomorrow being the usual case for the morning run.
  const nextHour = new Date(Math.ceil((now.getTime() + 60_000) / 3_600_000) * 3_600_000);
  if (!article) {
    return {
      values: {
        title: '',
        summary: '',
        slug: '',
        sectionId: defaults.sectionId ? String(defaults.sectionId) : '',
        tags: '',
        authorIds: defaults.authorId ? [defaults.authorId] : [],
        body: '',
        image: null,
        imageAlt: '',
        imageCaption: '',
        imageCredit: '',
        commentsOpen: true,
        correction: '',
        scheduleAt: toZonedInput(nextHour, env.SITE_TIME_ZONE),
      },
      article: { id: null, version: 0, status: 'draft' as const, slug: '', scheduledFor: '' },
    };
  }
  const scheduledFor = article.status === 'scheduled' && article.scheduledAt ? toZonedInput(article.scheduledAt, env.SITE_TIME_ZONE) : '';
  return {
    values: {
      title: article.title,
      summary: article.summary,
      slug: article.slug,
      sectionId: String(article.sectionId),
      tags: article.tagNames.join(', '),
      authorIds: article.authorIds,
      body: article.body,
      image: article.image,
      imageAlt: article.imageAlt,
      imageCaption: article.imageCaption,
      imageCredit: article.imageCredit,
      commentsOpen: article.commentsOpen,
      correction: article.correction,
      scheduleAt: scheduledFor || toZonedInput(nextHour, env.SITE_TIME_ZONE),
    },
    article: { id: article.id, version: article.version, status: article.status, slug: article.slug, scheduledFor },
  };
}

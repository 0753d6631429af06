import 'server-only';
import { env } from '@/lib/env';
import { newsroomNow } from '@/lib/site/clock';
import { listEditorChoices, type ArticleForEditing } from './admin-queries';
import { toZonedInput } from './editorial-rules';

// What the editor opens with (components/admin/article-editor.tsx): a saved article's fields, or a
// blank one, and the choices its pickers offer. The new-article page and the edit page both use it.

export function editorPropsFor(saved: ArticleForEditing | null) {
  const { sections, authors, tags } = listEditorChoices();
  const now = newsroomNow();
  // A new schedule defaults to the next whole hour, tomorrow being the usual case for the morning run.
  const nextHour = toZonedInput(new Date(Math.ceil((now.getTime() + 60_000) / 3_600_000) * 3_600_000), env.SITE_TIME_ZONE);
  const scheduledFor = saved?.status === 'scheduled' && saved.scheduledAt ? toZonedInput(saved.scheduledAt, env.SITE_TIME_ZONE) : '';
  const initial = saved
    ? { ...saved.fields, sectionId: String(saved.fields.sectionId), image: saved.image, scheduleAt: scheduledFor || nextHour }
    : {
        title: '',
        summary: '',
        slug: '',
        sectionId: '',
        tags: '',
        authorIds: [],
        body: '',
        image: null,
        imageAlt: '',
        imageCaption: '',
        imageCredit: '',
        commentsOpen: true,
        correction: '',
        scheduleAt: nextHour,
      };
  const article = saved
    ? { id: saved.id, version: saved.version, status: saved.status, slug: saved.slug, scheduledFor }
    : { id: null, version: 0, status: 'draft' as const, slug: '', scheduledFor: '' };
  return { initial, article, sections, authors, tagNames: tags, timeZone: env.SITE_TIME_ZONE };
}

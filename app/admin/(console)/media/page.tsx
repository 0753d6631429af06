import type { Metadata } from 'next';
import { DataTable } from '@/components/admin/data-table';
import { MediaUploadForm } from '@/components/admin/media-upload-form';
import { DateTime } from '@/components/date-time';
import { ResponsiveImage } from '@/components/media/responsive-image';
import { PaginationNav } from '@/components/pagination-nav';
import { parsePageParam } from '@/lib/articles/pagination';
import { requireStaff } from '@/lib/auth/session';
import { getMediaById, listMedia } from '@/lib/media/queries';
import { describeRefusal, formatFileSize, originalUrl, refusalFromSearchParams, uploadedMessage } from '@/lib/media/rules';
import { parseIdParam } from '@/lib/site/urls';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Media' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** What an upload posted without JavaScript came back with (lib/media/upload.ts puts it in the address). */
function uploadOutcome(params: Record<string, string | string[] | undefined>): { ok: boolean; message: string } | null {
  const uploadedId = parseIdParam(params.uploaded);
  const uploaded = uploadedId === null ? null : getMediaById(uploadedId);
  if (uploaded) return { ok: true, message: uploadedMessage(uploaded.originalName, params.existing !== '1') };
  const refusal = refusalFromSearchParams(params);
  return refusal ? { ok: false, message: describeRefusal(refusal) } : null;
}

export default async function MediaPage({ searchParams }: Props) {
  await requireStaff('editor');
  const params = await searchParams;
  const page = parsePageParam(params.page) ?? 1;
  const list = listMedia({ page });
  const outcome = uploadOutcome(params);
  return (
    <>
      <h1>Media</h1>
      <p className="hint">Pictures for articles. Choose one for an article in its editor; every picture here can be used again.</p>
      {outcome && (
        <div role="status">
          <p className={`form-message${outcome.ok ? '' : ' form-message--error'}`}>{outcome.message}</p>
        </div>
      )}
      <MediaUploadForm />
      <h2>Library</h2>
      <p>
        {list.total} {list.total === 1 ? 'picture' : 'pictures'}, newest first
      </p>
      <DataTable
        rows={list.rows}
        rowKey={(m) => m.id}
        empty={<p className="hint">No pictures yet. Upload the first one above.</p>}
        columns={[
          {
            header: 'Picture',
            // The name and alt text are in the next cells; the thumbnail itself adds nothing to read.
            cell: (m) => <ResponsiveImage image={m} alt="" sizes="6rem" className="media-thumb" />,
          },
          {
            header: 'File',
            cell: (m) => (
              <>
                <a href={originalUrl(m)}>{m.originalName || `Picture ${m.id}`}</a>
                <br />
                <span className="hint">
                  {m.width} × {m.height} px · {m.format.toUpperCase()} · {formatFileSize(m.bytes)}
                </span>
              </>
            ),
          },
          {
            header: 'Uploaded',
            cell: (m) => (
              <>
                <DateTime iso={m.createdAt.toISOString()} showTime />
                <br />
                <span className="hint">by {m.uploadedBy ?? 'unknown'}</span>
              </>
            ),
          },
          {
            header: 'Default alt text and credit',
            cell: (m) => (
              <>
                {m.alt || <span className="hint">No alt text</span>}
                {m.credit && (
                  <>
                    <br />
                    <span className="hint">{m.credit}</span>
                  </>
                )}
              </>
            ),
          },
        ]}
      />
      <PaginationNav base="/admin/media" page={page} pageCount={list.pageCount} href={(n) => `/admin/media?page=${n}`} />
    </>
  );
}

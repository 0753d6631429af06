import { staffOrResponse } from '@/lib/auth/session';
import { getIssueProgress } from '@/lib/newsletter/issues';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const staff = await staffOrResponse();
  if (staff instanceof Response) return staff;
  const { id } = await params;
  const progress = /^\d{1,9}$/.test(id) ? getIssueProgress(Number(id)) : null;
  if (!progress) return new Response('No such issue.', { status: 404 });
  return Response.json(progress, { headers: { 'Cache-Control': 'private, no-store' } });
}

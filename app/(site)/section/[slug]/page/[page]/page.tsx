import { ArchivePage, archiveMetadata, type ArchiveParams } from '@/components/archive-page';

export function generateStaticParams() {
  return [];
}

export const generateMetadata = ({ params }: { params: ArchiveParams }) => archiveMetadata('section', params);

export default function Page({ params }: { params: ArchiveParams }) {
  return <ArchivePage kind="section" params={params} />;
}

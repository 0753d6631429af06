import { Text } from '@react-email/components';
import { type Brand, BrandLink, EmailLayout, previewBrand, textStyle } from './layout';

export interface ErasedCounts {
  /** Comments deleted. */
  comments: number;
  /** Approved comments that others answered: emptied, shown as "Comment removed at the author's request." */
  commentsLeftAsRemoved: number;
  subscription: boolean;
  /** The address as proven for comments, with every browser's credential and reply-email setting. */
  commenter: boolean;
  /** Records of emails sent to the address, with the address taken out. */
  emails: number;
}

export interface DataErasedProps {
  brand: Brand;
  erased: ErasedCounts;
}

export const dataErasedSubject = ({ brand }: Pick<DataErasedProps, 'brand'>) => `Your data at ${brand.name} is erased`;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export default function DataErased({ brand, erased }: DataErasedProps) {
  const removed = erased.comments + erased.commentsLeftAsRemoved;
  return (
    <EmailLayout
      brand={brand}
      preview="What we erased, as you asked."
      footer="You get this email because the data held for this address was erased. It is the last email we send to it unless you sign up again."
    >
      <Text style={textStyle}>As you asked, we have erased what {brand.name} held for this email address:</Text>
      <ul>
        {removed > 0 && (
          <li style={textStyle}>
            {removed === 1 ? 'Your comment.' : `Your ${removed} comments, whatever their status.`}
            {erased.commentsLeftAsRemoved > 0 &&
              ` Where other readers had replied, ${erased.commentsLeftAsRemoved === 1 ? 'the comment now reads' : 'those comments now read'} “Comment removed at the author’s request.”, with no name or text, so their replies still make sense.`}
          </li>
        )}
        {erased.subscription && <li style={textStyle}>Your newsletter subscription and the record of your consent.</li>}
        {erased.commenter && (
          <li style={textStyle}>The confirmation of your address for comments: no browser comments as you, and no reply emails come.</li>
        )}
        {erased.emails > 0 && (
          <li style={textStyle}>Your address from the records of {plural(erased.emails, 'email', 'emails')} we sent you.</li>
        )}
      </ul>
      <Text style={textStyle}>
        We keep only a salted hash of the address, which cannot be turned back into it, so that nobody adds it to our lists again without
        you. You can still sign up to the newsletter or comment whenever you like.
      </Text>
      <Text style={textStyle}>
        Questions about your data: reply to this email, or see our <BrandLink href={`${brand.url}/privacy`}>privacy notice</BrandLink>.
      </Text>
    </EmailLayout>
  );
}

DataErased.PreviewProps = {
  brand: previewBrand,
  erased: { comments: 2, commentsLeftAsRemoved: 1, subscription: true, commenter: true, emails: 4 },
} satisfies DataErasedProps;

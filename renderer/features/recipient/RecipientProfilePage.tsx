import { CreateRecipientPage } from './CreateRecipientPage';
import { ProfileView } from './ProfileView';

export interface RecipientProfilePageProps {
  /** 'new' shows the create form. */
  recipientId: string;
}

export function RecipientProfilePage({ recipientId }: RecipientProfilePageProps) {
  if (recipientId === 'new') return <CreateRecipientPage />;
  return <ProfileView key={recipientId} recipientId={recipientId} />;
}

/**
 * The videoconference cards of the home page: "Videoconferenze" for everyone whose body may book
 * a platform (or runs one), "Le tue piattaforme" for operators and those who may register one.
 */
import { useSession } from '../../api/session';
import type { MessageKey } from '../../i18n/it';
import { usePlatforms } from './api';
import { mayBook, useMayRegister, useOperated } from './ConferencingNav';
import { PLATFORMS_HOME } from './platform-form';

export interface HomeCard {
  key: string;
  to: string;
  title: MessageKey;
  text: MessageKey;
}

export function useConferencingHomeCards(): HomeCard[] {
  const { session } = useSession();
  const platforms = usePlatforms();
  const { isOperator } = useOperated();
  const { mayRegister } = useMayRegister();
  const orgId = session?.organization?.id;
  const cards: HomeCard[] = [];
  const bookable = (platforms.data?.items ?? []).some((p) => mayBook(p, orgId));
  if (bookable || isOperator) cards.push({ key: 'conferencing', to: '/videoconferenze', title: 'conf.home.title', text: 'conf.home.text' });
  if (isOperator || mayRegister) {
    cards.push({ key: 'conferencing-platforms', to: PLATFORMS_HOME, title: 'conf.home.platformsTitle', text: isOperator ? 'conf.home.platformsText' : 'conf.home.platformsNewText' });
  }
  return cards;
}

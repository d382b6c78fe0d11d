import { createContext, useContext } from 'react';

import type { Session } from './api';

/** The tab's session, and how pages change it (sign-in, sign-out). */
export const SessionContext = createContext<{ session: Session | null; setSession: (session: Session | null) => void }>({
  session: null,
  setSession: () => undefined,
});

export const useSession = () => useContext(SessionContext);

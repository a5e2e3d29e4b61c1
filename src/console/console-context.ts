import { createContext, useContext } from 'react';
import type { Language } from '../domain/language.ts';
import type { CourseListing } from './api/report-client.ts';
import { CONSOLE_MESSAGES, type ConsoleMessages } from './i18n/console-messages.ts';
import type { ConsoleRoute } from './routing/console-route.ts';

export interface ConsoleContextValue {
  language: Language;
  t: ConsoleMessages;
  navigate: (route: ConsoleRoute) => void;
  courses: CourseListing[];
}

export const ConsoleContext = createContext<ConsoleContextValue>({
  language: 'id',
  t: CONSOLE_MESSAGES.id,
  navigate: () => undefined,
  courses: [],
});

export const useConsole = () => useContext(ConsoleContext);

/**
 * The provider console's entry (src/console/): its own build (vite.console.config.ts) served
 * under /console, so the participant's page never loads a byte of it. It reads the report API
 * like any client would, never the database.
 */
import { createRoot } from 'react-dom/client';
import { ConsoleApp } from './console-app.tsx';
import './console.css';

const root = document.getElementById('console-root');
if (root) createRoot(root).render(<ConsoleApp />);

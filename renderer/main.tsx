import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { removeLegacyVisitDrafts } from './features/visit';
import './app/global.css';
import { registerOfflineCache } from './platform/offlineCache';

// Drafts of the previous version, in clear and of no known account (issue 13, finding 7).
removeLegacyVisitDrafts();
registerOfflineCache();
const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );

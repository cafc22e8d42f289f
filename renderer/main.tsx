import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { removeLegacyVisitDrafts } from './features/visit';
// The app's own Simplified Chinese font (Noto Sans SC, split by unicode-range: a page loads only
// the chunks of the characters it shows), so Chinese prints and shows on a computer without a
// CJK font. Regular and bold only: headings and antd's strong text use the bold.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
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

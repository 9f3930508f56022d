import '@fontsource/noto-sans-devanagari/400.css';
import '@fontsource/noto-sans-devanagari/600.css';
import '@fontsource/noto-sans-devanagari/700.css';
import './ui/strictCsp';
import './ui/styles.css';
import './report/report.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setupI18n } from './i18n';
import { ReportApp } from './report/ReportApp';

setupI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ReportApp />
  </StrictMode>,
);

/**
 * The one entry of the consoles: fonts, the strict CSP guard and the shared styles, the
 * languages, then the page the path names (renderer/src/pages).
 */
import '@fontsource/noto-sans-devanagari/400.css';
import '@fontsource/noto-sans-devanagari/600.css';
import '@fontsource/noto-sans-devanagari/700.css';
import './ui/strictCsp';
import './ui/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setupI18n } from './i18n';
import { pageFor } from './pages/pages';

setupI18n();
const page = pageFor(window.location.pathname);
document.title = page.title;
if (page.bodyClass) document.body.classList.add(page.bodyClass);
void page.load().then((Page) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Page />
    </StrictMode>,
  ),
);

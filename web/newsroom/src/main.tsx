// The newsroom app's entry: the shell loads first; the editor's code only when a piece opens.
// The stylesheet is a file of its own: the pages' Content-Security-Policy allows styles from
// 'self' only, never inline <style>.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import App from './app/App';
import './styles/app.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

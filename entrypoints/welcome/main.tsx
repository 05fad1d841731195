import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import { WelcomeApp } from '@/components/WelcomeApp';
import { applyDocumentLanguage } from '@/lib/i18n/t';

applyDocumentLanguage();
const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><WelcomeApp /></StrictMode>);

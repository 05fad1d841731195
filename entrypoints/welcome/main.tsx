import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import { WelcomeApp } from '@/components/WelcomeApp';

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><WelcomeApp /></StrictMode>);

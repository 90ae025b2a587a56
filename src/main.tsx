// Mounts the app into #root; nothing else.
import { render } from 'solid-js/web';
import { App } from './app/App.tsx';
import './styles/app.css';
import './styles/status.css';

const root = document.getElementById('root');
if (root !== null) render(() => <App />, root);

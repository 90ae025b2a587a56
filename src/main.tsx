// Mounts the app into #root; nothing else.
import { render } from 'solid-js/web';
import { App } from './app/App.tsx';
import './styles/app.css';

const root = document.getElementById('root');
if (root !== null) render(() => <App />, root);

import { bootRuntut } from './ui/boot.tsx';
import './ui/app.css';

const root = document.getElementById('root');
// The embedded player (inside a provider's iframe) loads its own small module on demand.
if (root && window.location.pathname.startsWith('/embed/'))
  void import('./embed/frame/boot-embed.tsx').then((embed) => embed.bootEmbeddedPlayer(root));
else if (root) void bootRuntut(root);

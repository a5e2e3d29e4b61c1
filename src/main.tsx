import { bootRuntut } from './ui/boot.tsx';
import './ui/app.css';

const root = document.getElementById('root');
if (root) void bootRuntut(root);

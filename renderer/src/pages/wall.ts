import '../wall/wall.css';

export { WallApp as default } from '../wall/WallApp';

export { App as default } from '../operator/App';

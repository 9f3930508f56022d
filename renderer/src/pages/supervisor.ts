import '../supervisor/supervisor.css';

export { SupervisorApp as default } from '../supervisor/App';

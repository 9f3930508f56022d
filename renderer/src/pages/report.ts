import '../report/report.css';

export { ReportApp as default } from '../report/ReportApp';

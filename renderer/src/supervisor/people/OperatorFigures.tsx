/**
 * Each operator's day, live (the hub's `stats.people`, about once a second): calls, average
 * call, tickets raised, how the calls ended and time on break, what supervisors judge the floor
 * by. Everyone who took a call or was signed in today is listed.
 */
import { useTranslation } from 'react-i18next';
import type { PersonFigures } from '../../../../shared/protocol';
import { duration, formatIndian } from '../../ui/format';
import { dispositionsText } from '../../ui/dispositions';
import { sortFigures } from './people';
import { PeopleTable } from './PeopleTable';

export function OperatorFigures({ people, labelledBy }: { people: readonly PersonFigures[] | undefined; labelledBy: string }) {
  const { t } = useTranslation();
  if (!people) return <p className="muted">{t('wall.connecting')}</p>;
  if (people.length === 0) return <p className="muted">{t('sup.people.noFigures')}</p>;
  return (
    <PeopleTable
      labelledBy={labelledBy}
      columns={[
        { title: t('sup.people.operator') },
        { title: t('sup.people.seat') },
        { title: t('sup.people.now') },
        { title: t('sup.people.calls'), num: true },
        { title: t('sup.people.avgCall'), num: true },
        { title: t('sup.people.tickets'), num: true },
        { title: t('sup.people.dispositions') },
        { title: t('sup.people.onBreak'), num: true },
      ]}
    >
      {sortFigures(people).map((p) => (
        <tr key={p.username}>
          <th scope="row">
            {p.name} <span className="small muted">{p.username}</span>
          </th>
          <td>{p.seat ?? '—'}</td>
          <td>{p.state ? <span className={`state-${p.state}`}>{t(`seatState.${p.state}`)}</span> : '—'}</td>
          <td className="num">{formatIndian(p.callsToday)}</td>
          <td className="num">{p.avgHandleSeconds === null ? '—' : duration(p.avgHandleSeconds * 1000)}</td>
          <td className="num">{formatIndian(p.ticketsToday)}</td>
          <td>{dispositionsText(p.dispositions, t)}</td>
          <td className="num">{duration(p.breakSecondsToday * 1000)}</td>
        </tr>
      ))}
    </PeopleTable>
  );
}

import { describe, expect, it } from 'vitest';
import type { OperatorDay } from '../../../shared/protocol/reports';
import { byOperatorOrder } from './ByOperator';

const day = (username: string, calls: number): OperatorDay => ({ username, name: username, calls, avgHandleSeconds: null, tickets: 0, dispositions: {}, breakSeconds: 0 });

describe('the day by operator', () => {
  it('reads busiest first, then by name', () => {
    expect(byOperatorOrder([day('ravi', 3), day('asha', 3), day('neha', 12), day('imran', 0)]).map((d) => d.username)).toEqual(['neha', 'asha', 'ravi', 'imran']);
  });
});

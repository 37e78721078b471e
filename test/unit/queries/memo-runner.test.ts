import { describe, expect, it } from 'vitest';
import { memoRunner, type Row, type Runner } from '../../../src/queries/runner.ts';

/** A runner that counts the statements it really runs. */
function counting(answer: (sql: string, params: unknown[]) => Row[] | Error): Runner & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async run<T = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
      calls.push(`${sql} ${JSON.stringify(params)}`);
      const a = answer(sql, params);
      if (a instanceof Error) throw a;
      return a as T[];
    },
  };
}

describe('memoRunner', () => {
  it('runs a statement once per SQL and parameters and answers again from memory', async () => {
    const inner = counting((_sql, params) => [{ enhet: params[0] ?? 'alla', antal: 3 }]);
    const runner = memoRunner(inner);
    expect(await runner.run('SELECT 1', ['0180'])).toEqual([{ enhet: '0180', antal: 3 }]);
    expect(await runner.run('SELECT 1', ['0180'])).toEqual([{ enhet: '0180', antal: 3 }]);
    expect(await runner.run('SELECT 1', ['1480'])).toEqual([{ enhet: '1480', antal: 3 }]);
    expect(await runner.run('SELECT 1')).toEqual([{ enhet: 'alla', antal: 3 }]);
    expect(inner.calls).toEqual(['SELECT 1 ["0180"]', 'SELECT 1 ["1480"]', 'SELECT 1 []']);
  });

  it('gives each caller its own rows, so one caller cannot change what the next one gets', async () => {
    const runner = memoRunner(counting(() => [{ antal: 5 }]));
    const first = await runner.run<{ antal: number }>('SELECT antal');
    first[0].antal = 999;
    first.push({ antal: 1 });
    expect(await runner.run('SELECT antal')).toEqual([{ antal: 5 }]);
  });

  it('does not keep a failure: the statement runs again next time', async () => {
    let fail = true;
    const inner = counting(() => (fail ? new Error('engine busy') : [{ ok: true }]));
    const runner = memoRunner(inner);
    await expect(runner.run('SELECT ok')).rejects.toThrow('engine busy');
    fail = false;
    expect(await runner.run('SELECT ok')).toEqual([{ ok: true }]);
    expect(inner.calls).toHaveLength(2);
  });

  it('keeps only the most recent answers', async () => {
    const inner = counting((sql) => [{ sql }]);
    const runner = memoRunner(inner, 2);
    await runner.run('A');
    await runner.run('B');
    await runner.run('A'); // A is now the most recent
    await runner.run('C'); // B goes
    await runner.run('A');
    await runner.run('B');
    expect(inner.calls).toEqual(['A []', 'B []', 'C []', 'B []']);
  });
});

type Level = 'debug' | 'info' | 'warn' | 'error';

const order: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export function createLogger(scope: string, min: Level = 'info') {
  const log = (level: Level, message: string, data?: unknown) => {
    if (order[level] < order[min]) return;
    const line = `[${new Date().toISOString()}] ${level.toUpperCase()} ${scope}: ${message}`;
    console[level === 'debug' ? 'log' : level](line, data ?? '');
  };
  return {
    debug: (m: string, d?: unknown) => log('debug', m, d),
    info: (m: string, d?: unknown) => log('info', m, d),
    warn: (m: string, d?: unknown) => log('warn', m, d),
    error: (m: string, d?: unknown) => log('error', m, d),
  };
}

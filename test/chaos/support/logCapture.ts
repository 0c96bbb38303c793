/**
 * Records every n8n-core log line (all levels, with its metadata) into the collected texts, so the
 * secrets grep also covers what n8n would write to its log. Same container trick as the harness's
 * quiet logger (test/helpers/harness.ts).
 */
import path from 'node:path';

import { Logger } from '@n8n/backend-common';

import { recordOutput } from './collect';

export function captureN8nLogs(): void {
	const coreDir = path.dirname(require.resolve('n8n-core/package.json'));
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { Container } = require(require.resolve('@n8n/di', { paths: [coreDir] })) as {
		Container: { set(type: unknown, instance: unknown): void };
	};
	const logger: Record<string, unknown> = {};
	for (const level of ['error', 'warn', 'info', 'debug']) {
		logger[level] = (message: unknown, meta?: unknown) => {
			let metaText = '';
			try {
				metaText = meta === undefined ? '' : JSON.stringify(meta);
			} catch {
				metaText = String(meta);
			}
			recordOutput(`n8n log ${level}`, `${String(message)} ${metaText}`);
		};
	}
	logger.scoped = () => logger;
	Container.set(Logger, logger);
}

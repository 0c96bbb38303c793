/**
 * "Another client" on the same app and division (a second n8n process, a script, another
 * integration using the same Exact app): raw API calls with its own token that spend all but
 * `leave` calls of every rate window, so the nodes get only the rest.
 */
import type { ChaosEnv } from './env';

export interface Hog {
	calls: number;
	stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startHog(env: ChaosEnv, accessToken: string, leave: number): Promise<Hog> {
	let running = true;
	const state = { calls: 0 };
	const url = `${env.exact.baseUrl}/api/v1/${env.division}/system/Divisions?$select=Code`;
	const loop = (async () => {
		while (running) {
			const response = await fetch(url, {
				headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' },
			});
			await response.arrayBuffer();
			state.calls++;
			const remaining = Number(response.headers.get('x-ratelimit-minutely-remaining') ?? 0);
			const reset = Number(response.headers.get('x-ratelimit-minutely-reset') ?? 0);
			const daily = Number(response.headers.get('x-ratelimit-remaining') ?? 1);
			if (
				response.status === 429 &&
				daily === 0 &&
				!response.headers.get('x-ratelimit-minutely-reset')
			) {
				await sleep(50);
			} else if (response.status === 429 || remaining <= leave) {
				await sleep(Math.max(5, reset - Date.now() + 5));
			}
		}
	})();
	return {
		get calls() {
			return state.calls;
		},
		stop: async () => {
			running = false;
			await loop;
		},
	};
}

import { createHmac } from 'crypto';
import type { Clock } from '../clock';
import type { ExactSandboxSettings } from '../settings';
import type { Rec, Store } from '../store';
import type { ChangeEvent } from '../tx';

export interface DeliveryAttempt {
	subscription: string;
	topic: string;
	action: string;
	key: string;
	url: string;
	attempt: number;
	status: number | null;
	error?: string;
	body: string;
	time: string;
}

/** Exact's signature: upper-case hex HMAC-SHA256 of the raw Content JSON. */
export function hashCode(content: string, secret: string): string {
	return createHmac('sha256', secret).update(content).digest('hex').toUpperCase();
}

/** Sends the empty validation POST and the signed event deliveries, retrying non-2xx answers. */
export class WebhookDispatcher {
	readonly attempts: DeliveryAttempt[] = [];
	private readonly timers = new Set<NodeJS.Timeout>();
	private readonly controllers = new Set<AbortController>();
	private closed = false;

	constructor(
		private readonly store: Store,
		private readonly clock: Clock,
		private readonly settings: () => ExactSandboxSettings,
	) {}

	/** POSTs to a URL; resolves with the status, or with an error text. */
	async post(
		url: string,
		body: string,
		timeoutMs = 10000,
	): Promise<{ status?: number; error?: string }> {
		const controller = new AbortController();
		this.controllers.add(controller);
		const timer = setTimeout(() => controller.abort(), timeoutMs);
		try {
			const res = await fetch(url, {
				method: 'POST',
				body,
				headers: body ? { 'Content-Type': 'application/json' } : {},
				signal: controller.signal,
			});
			await res.arrayBuffer().catch(() => undefined);
			return { status: res.status };
		} catch (error) {
			return {
				error:
					(error as Error).name === 'AbortError' ? 'timeout' : String((error as Error).message),
			};
		} finally {
			clearTimeout(timer);
			this.controllers.delete(controller);
		}
	}

	/** Queues deliveries for the subscriptions of each event's division and topic. */
	dispatch(events: ChangeEvent[]): void {
		if (this.closed) return;
		for (const event of events) {
			const div = this.store.division(event.division);
			if (!div) continue;
			for (const sub of div.rows('WebhookSubscriptions')) {
				if (sub.Topic !== event.topic) continue;
				const content = JSON.stringify({
					Topic: event.topic,
					ClientId: sub.ClientID,
					Division: event.division,
					Action: event.action,
					Key: event.key,
					ExactOnlineEndpoint: event.endpoint,
					EventCreatedOn: new Date(this.clock.now()).toISOString(),
				});
				const secret = this.settings().webhookSecret;
				const body = `{"Content":${content},"HashCode":"${hashCode(content, secret)}"}`;
				this.schedule(sub, event, body, 1, 0);
			}
		}
	}

	private schedule(
		sub: Rec,
		event: ChangeEvent,
		body: string,
		attempt: number,
		delay: number,
	): void {
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			void this.deliver(sub, event, body, attempt);
		}, delay);
		this.timers.add(timer);
	}

	private async deliver(
		sub: Rec,
		event: ChangeEvent,
		body: string,
		attempt: number,
	): Promise<void> {
		if (this.closed) return;
		const url = String(sub.CallbackURL);
		const result = await this.post(url, body);
		this.attempts.push({
			subscription: String(sub.ID),
			topic: event.topic,
			action: event.action,
			key: event.key,
			url,
			attempt,
			status: result.status ?? null,
			error: result.error,
			body,
			time: new Date(this.clock.now()).toISOString(),
		});
		if (this.attempts.length > 5000) this.attempts.splice(0, this.attempts.length - 5000);
		const ok = result.status !== undefined && result.status >= 200 && result.status < 300;
		const delays = this.settings().webhookRetryDelaysMs;
		if (!ok && attempt <= delays.length && !this.closed) {
			this.schedule(sub, event, body, attempt + 1, delays[attempt - 1]);
		}
	}

	close(): void {
		this.closed = true;
		for (const t of this.timers) clearTimeout(t);
		this.timers.clear();
		for (const c of this.controllers) c.abort();
	}
}

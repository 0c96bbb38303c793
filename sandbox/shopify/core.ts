/** Everything one sandbox instance holds: shop state, settings, buckets, logs, faults, webhooks. */
import { setMaxListeners } from 'node:events';
import { LeakyBucket } from './bucket';
import { seedShop } from './seed';
import { ShopState } from './state';
import { NEWEST_VERSION } from './versions';
import type { DeliveryRecord } from './webhooks/deliver';

export interface SandboxConfig {
	shopDomain: string;
	accessToken: string;
	appSecret: string;
	bucketSize: number;
	restoreRate: number;
}

export interface Settings {
	/** GraphQL cost bucket (points) and its restore rate (points per second). */
	bucketSize: number;
	restoreRate: number;
	/** Highest cost a single query may request (Shopify: 1000; never above bucketSize). */
	maxQueryCost: number;
	/** REST call bucket (calls) and leak rate (calls per second): Shopify's classic 40 / 2. */
	restBucketSize: number;
	restLeakRate: number;
	/** API version stamped on deliveries that have no subscription of their own. */
	apiVersionDefault: string;
	/** Webhook delivery: retries after the first attempt, base backoff (doubles), timeout. */
	deliveryRetries: number;
	deliveryRetryDelayMs: number;
	deliveryTimeoutMs: number;
	/** Send orders/create on REST order creation and inventory_levels/update on stock writes. */
	autoWebhooks: boolean;
	/** Let `sku:X` also match SKUs containing X as a token, as Shopify's search can (default off). */
	fuzzySkuSearch: boolean;
}

export interface CallRecord {
	seq: number;
	time: string;
	method: string;
	path: string;
	kind: 'graphql' | 'rest';
	apiVersion: string | null;
	operationName: string | null;
	rootFields: string[];
	requestedCost: number | null;
	actualCost: number | null;
	/** Points charged to the bucket: the actual cost, 0 when throttled or over the maximum. */
	cost: number | null;
	throttled: boolean;
	status: number;
	durationMs: number;
	fault: string | null;
}

export type FaultMode = 'status' | 'reset' | 'delay' | 'dropAfterCommit';

export interface Fault {
	id: number;
	pathPrefix: string;
	method: string | null;
	remaining: number;
	mode: FaultMode;
	status: number;
	delayMs: number;
	body: unknown;
}

export interface WebhookSubscription {
	id: string;
	topic: string;
	address: string;
	format: 'json';
	apiVersion: string;
	fields: string[];
	createdAt: string;
	updatedAt: string;
}

export class SandboxCore {
	state = new ShopState();
	settings: Settings;
	readonly bucket: LeakyBucket;
	readonly restBucket: LeakyBucket;
	calls: CallRecord[] = [];
	faults: Fault[] = [];
	readonly subscriptions = new Map<string, WebhookSubscription>();
	deliveries: DeliveryRecord[] = [];
	baseUrl = '';
	/** Aborted on close so pending retry waits end at once. */
	readonly closing = new AbortController();
	private faultSeq = 1;
	private callSeq = 1;

	constructor(readonly config: SandboxConfig) {
		this.settings = defaultSettings(config);
		this.bucket = new LeakyBucket(config.bucketSize, config.restoreRate);
		this.restBucket = new LeakyBucket(40, 2);
		// Every in-flight delivery and delayed answer listens for close.
		setMaxListeners(0, this.closing.signal);
		seedShop(this.state);
	}

	/** Back to the seeded shop, default settings, full buckets and empty logs. */
	reset(seed = true): void {
		this.state = new ShopState();
		if (seed) seedShop(this.state);
		this.settings = defaultSettings(this.config);
		this.bucket.configure(this.settings.bucketSize, this.settings.restoreRate);
		this.restBucket.configure(this.settings.restBucketSize, this.settings.restLeakRate);
		this.calls = [];
		this.faults = [];
		this.subscriptions.clear();
		this.deliveries = [];
	}

	addFault(fault: Omit<Fault, 'id'>): Fault {
		const stored = { ...fault, id: this.faultSeq++ };
		this.faults.push(stored);
		return stored;
	}

	/** The first armed fault matching the request, consuming one of its count. */
	takeFault(method: string, path: string): Fault | undefined {
		const fault = this.faults.find(
			(f) => f.remaining > 0 && path.startsWith(f.pathPrefix) && (!f.method || f.method === method),
		);
		if (fault) fault.remaining--;
		this.faults = this.faults.filter((f) => f.remaining > 0);
		return fault;
	}

	logCall(record: Omit<CallRecord, 'seq'>): void {
		this.calls.push({ ...record, seq: this.callSeq++ });
	}
}

function defaultSettings(config: SandboxConfig): Settings {
	return {
		bucketSize: config.bucketSize,
		restoreRate: config.restoreRate,
		maxQueryCost: 1000,
		restBucketSize: 40,
		restLeakRate: 2,
		apiVersionDefault: NEWEST_VERSION,
		deliveryRetries: 3,
		deliveryRetryDelayMs: 1000,
		deliveryTimeoutMs: 5000,
		autoWebhooks: true,
		fuzzySkuSearch: false,
	};
}

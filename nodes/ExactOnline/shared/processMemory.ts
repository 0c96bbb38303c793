/**
 * Memory shared by every execution of this n8n process. n8n reads a workflow's static data when an
 * execution starts and writes it back when the execution ends, so executions that overlap (a burst
 * of webhooks) never see what the others learned. What the Exact nodes remember (the current
 * division, VAT codes, found accounts and items, imported YourRefs) is therefore kept here first, per
 * credential, Exact site and division, bounded in size; static data only carries it over a restart.
 * In queue mode every worker has its own memory.
 */
import type { TransportContext } from './transport/context';
import { credentialKey, readCredential } from './transport/context';

/** A map that keeps at most `maxEntries` keys, dropping the least recently written first. */
export class BoundedMap<V> extends Map<string, V> {
	constructor(private readonly maxEntries: number) {
		super();
	}

	override set(key: string, value: V): this {
		super.delete(key);
		super.set(key, value);
		while (this.size > this.maxEntries) {
			const oldest = this.keys().next().value;
			if (oldest === undefined) break;
			super.delete(oldest);
		}
		return this;
	}
}

/** Where remembered Exact data is valid: the credential, its Exact site, and (when given) a division. */
export async function memoryScope(
	ctx: TransportContext,
	division?: number,
	itemIndex?: number,
): Promise<string> {
	const { baseUrl } = await readCredential(ctx, itemIndex);
	const site = `${credentialKey(ctx)}@${baseUrl}`;
	return division === undefined ? site : `${site}#${division}`;
}

const regions = new BoundedMap<BoundedMap<unknown>>(200);

/**
 * The process-wide map of one kind of memory (`slot`) in one scope; created on first use. At most
 * 200 (slot, scope) pairs are kept, each with at most `maxEntries` keys.
 */
export function sharedMap<V>(slot: string, scope: string, maxEntries: number): BoundedMap<V> {
	const key = `${slot}|${scope}`;
	let region = regions.get(key) as BoundedMap<V> | undefined;
	if (!region) {
		region = new BoundedMap<V>(maxEntries);
		regions.set(key, region as BoundedMap<unknown>);
	}
	return region;
}

/** Forgets everything this process remembers (tests; a merchant restarts n8n instead). */
export function clearProcessMemory(): void {
	regions.clear();
}

import { randomUUID } from 'crypto';

export interface FaultSpec {
	id: string;
	/** HTTP method to match; '*' or absent matches any. */
	method?: string;
	/** Matches calls whose decoded path starts with this. */
	pathPrefix?: string;
	/** Or: a regular expression tested against the decoded path plus '?' and query. */
	pathRegex?: string;
	/** How many matching calls get the fault (default 1). */
	count: number;
	/** Chance (0..1, default 1) that a matching call gets the fault; misses do not use up `count`. */
	probability?: number;
	/** Answer with this status and an Exact error body instead of handling the call. */
	status?: number;
	/** Wait this long first (then answer with `status`, or handle the call normally). */
	delayMs?: number;
	/** Handle the call (commit writes), then destroy the socket instead of answering. */
	dropResponse?: boolean;
	/** Destroy the socket before handling anything. */
	resetConnection?: boolean;
	message?: string;
}

export function faultError(input: unknown): string | undefined {
	if (!input || typeof input !== 'object') return 'a fault must be an object';
	const f = input as Partial<FaultSpec>;
	if (!f.pathPrefix && !f.pathRegex) return 'a fault needs pathPrefix or pathRegex';
	if (f.pathRegex) {
		try {
			new RegExp(f.pathRegex);
		} catch {
			return 'pathRegex is not a valid regular expression';
		}
	}
	if (!f.status && !f.delayMs && !f.dropResponse && !f.resetConnection) {
		return 'a fault needs status, delayMs, dropResponse or resetConnection';
	}
	if (f.count !== undefined && (!Number.isInteger(f.count) || f.count < 1))
		return 'count must be >= 1';
	if (f.probability !== undefined && !(f.probability >= 0 && f.probability <= 1)) {
		return 'probability must be between 0 and 1';
	}
	return undefined;
}

/** Injected failures for the next N calls that match a method and path. */
export class Faults {
	private list: FaultSpec[] = [];

	add(input: Partial<FaultSpec>): FaultSpec {
		const spec: FaultSpec = { ...input, id: randomUUID(), count: input.count ?? 1 };
		this.list.push(spec);
		return spec;
	}

	/** Takes one use of the first fault matching the call whose chance comes up (a miss on one
	 * probabilistic fault lets the next matching fault roll its own chance). */
	take(method: string, path: string, query: string): FaultSpec | undefined {
		const spec = this.list.find((f) => {
			if (f.method && f.method !== '*' && f.method.toUpperCase() !== method) return false;
			if (f.pathPrefix && !path.startsWith(f.pathPrefix)) return false;
			if (f.pathRegex && !new RegExp(f.pathRegex).test(query ? `${path}?${query}` : path))
				return false;
			return f.probability === undefined || Math.random() < f.probability;
		});
		if (!spec) return undefined;
		spec.count -= 1;
		if (spec.count <= 0) this.list = this.list.filter((f) => f !== spec);
		return spec;
	}

	all(): FaultSpec[] {
		return this.list;
	}

	clear(): void {
		this.list = [];
	}
}

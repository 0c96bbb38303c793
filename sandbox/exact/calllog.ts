export interface CallEntry {
	time: string;
	method: string;
	path: string;
	/** Decoded query string. */
	query: string;
	status: number;
	division: number | null;
	clientId: string | null;
	durationMs: number;
	/** Set when an injected fault shaped this call. */
	fault?: string;
}

const MAX_ENTRIES = 100000;

/** The log of /api calls, for tests that count what a node did. */
export class CallLog {
	entries: CallEntry[] = [];

	add(entry: CallEntry): void {
		this.entries.push(entry);
		if (this.entries.length > MAX_ENTRIES)
			this.entries.splice(0, this.entries.length - MAX_ENTRIES);
	}

	clear(): void {
		this.entries = [];
	}
}

import { existsSync, readFileSync, renameSync, writeFileSync } from 'fs';
import type { Core } from './core';
import { newGuid } from './ids';
import { JOURNALS } from './seed/master';
import { DivisionData } from './store';
import { Tx } from './tx';

const VERSION = 1;

/** `--state FILE`: loads the sandbox state at start and saves it (debounced) after changes. */
export class Persister {
	private timer?: NodeJS.Timeout;
	private dirty = false;

	constructor(
		private readonly file: string,
		private readonly core: Core,
		private readonly delayMs = 500,
	) {}

	/** Restores a saved state; false when there is none. */
	load(): boolean {
		if (!existsSync(this.file)) return false;
		const raw = JSON.parse(readFileSync(this.file, 'utf8'));
		if (raw.version !== VERSION) return false;
		this.core.store.divisions.clear();
		for (const d of raw.divisions) {
			const div = DivisionData.fromJSON(d);
			// States saved before journals existed get the seed's journals.
			if (!d.tables?.Journals) {
				const tx = new Tx(div, this.core.clock, this.core.user, '', true);
				for (const j of JOURNALS) tx.insert('Journals', { ...j, ID: newGuid() });
			}
			this.core.store.divisions.set(d.code, div);
		}
		this.core.tokens.load(raw.tokens ?? {});
		for (const v of raw.viesInvalid ?? []) this.core.viesInvalid.add(v);
		for (const [id, secret] of Object.entries(raw.clients ?? {}))
			this.core.clients.set(id, String(secret));
		Object.assign(this.core.settings, raw.settings ?? {});
		return true;
	}

	schedule(): void {
		this.dirty = true;
		if (this.timer) return;
		this.timer = setTimeout(() => {
			this.timer = undefined;
			this.save();
		}, this.delayMs);
	}

	save(): void {
		if (!this.dirty) return;
		this.dirty = false;
		this.core.tokens.prune(this.core.clock.now());
		const snapshot = {
			version: VERSION,
			savedAt: new Date().toISOString(),
			settings: this.core.settings,
			clients: Object.fromEntries(this.core.clients),
			viesInvalid: [...this.core.viesInvalid],
			tokens: this.core.tokens,
			divisions: [...this.core.store.divisions.values()],
		};
		const tmp = `${this.file}.tmp`;
		writeFileSync(tmp, JSON.stringify(snapshot));
		renameSync(tmp, this.file);
	}

	flush(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
		this.save();
	}
}

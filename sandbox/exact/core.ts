import type { CallLog } from './calllog';
import type { Clock } from './clock';
import type { HookRegistry } from './domain/registry';
import type { Faults } from './faults';
import type { ErrorBlocker } from './limits/errorblock';
import type { RateLimiter } from './limits/ratelimit';
import type { TokenStore } from './oauth/tokens';
import type { ExactSandboxSettings } from './settings';
import type { Store } from './store';
import type { User } from './tx';
import type { WebhookDispatcher } from './webhooks/dispatcher';

export interface SandboxUser extends User {
	userName: string;
	firstName: string;
	lastName: string;
	divisions: number[];
	currentDivision: number;
}

/** Everything one running sandbox holds; handlers receive it. */
export interface Core {
	settings: ExactSandboxSettings;
	clock: Clock;
	store: Store;
	tokens: TokenStore;
	limiter: RateLimiter;
	blocker: ErrorBlocker;
	calls: CallLog;
	faults: Faults;
	webhooks: WebhookDispatcher;
	hooks: HookRegistry;
	/** VAT numbers (with country prefix) the VIES stand-in reports as invalid. */
	viesInvalid: Set<string>;
	user: SandboxUser;
	/** OAuth clients: id → secret. */
	clients: Map<string, string>;
	defaultClientId: string;
	/** Records that state changed (for --state persistence). */
	markDirty(): void;
}

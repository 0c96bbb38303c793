import {
	claimKey,
	claimToken,
	decideClaim,
	describeHeldClaim,
	newClaim,
	orderGid,
	parseClaim,
	refusedForSure,
	serializeClaim,
} from '../../../nodes/core/exact/deliveryClaim';

const LEASE = 5 * 60_000;
const now = new Date('2026-07-02T12:00:00.000Z');
const stored = (value: unknown, compareDigest = 'digest-1') => ({
	value: typeof value === 'string' ? value : JSON.stringify(value),
	compareDigest,
});
const claimed = (by: string, at: string) => ({ state: 'claimed', by, at });

describe('delivery claim decision', () => {
	const me = claimToken('1234', 'aaaa');

	it('takes a fulfilment nobody claimed with compareDigest null (must not exist yet)', () => {
		expect(decideClaim(null, me, now, LEASE)).toEqual({
			kind: 'take',
			compareDigest: null,
			why: 'free',
			previous: null,
		});
	});

	it('waits while another execution holds a claim younger than the lease, until the lease ends', () => {
		const decision = decideClaim(
			stored(claimed('999/bbbb', '2026-07-02T11:58:00.000Z')),
			me,
			now,
			LEASE,
		);
		expect(decision).toMatchObject({ kind: 'wait', claim: { by: '999/bbbb' } });
		expect(decision.kind === 'wait' && decision.until.toISOString()).toBe(
			'2026-07-02T12:03:00.000Z',
		);
	});

	it('takes over a claim older than the lease (a crashed worker) with its digest', () => {
		expect(
			decideClaim(stored(claimed('999/bbbb', '2026-07-02T11:54:59.000Z'), 'd-old'), me, now, LEASE),
		).toMatchObject({ kind: 'take', compareDigest: 'd-old', why: 'stale' });
	});

	it('posts nothing when the record says delivered, whoever delivered it', () => {
		const value = { state: 'delivered', by: '999/bbbb', at: '2026-07-02T11:59:00Z', delivery: 7 };
		expect(decideClaim(stored(value), me, now, LEASE)).toEqual({
			kind: 'delivered',
			claim: value,
		});
		expect(decideClaim(stored({ ...value, by: me }), me, now, LEASE).kind).toBe('delivered');
	});

	it('takes a released claim (its holder failed before writing) with its digest', () => {
		expect(
			decideClaim(
				stored({ state: 'released', by: '999/b', at: '2026-07-02T11:59:59Z' }, 'd-rel'),
				me,
				now,
				LEASE,
			),
		).toMatchObject({ kind: 'take', compareDigest: 'd-rel', why: 'released' });
	});

	it('recognises its own claim (a retried write that landed) and a claim of the same execution (Retry On Fail)', () => {
		expect(
			decideClaim(stored(claimed(me, '2026-07-02T11:59:59Z'), 'd-me'), me, now, LEASE),
		).toMatchObject({ kind: 'mine', compareDigest: 'd-me' });
		expect(
			decideClaim(stored(claimed('1234/other', '2026-07-02T11:59:59Z'), 'd-x'), me, now, LEASE),
		).toMatchObject({ kind: 'take', compareDigest: 'd-x', why: 'retry' });
		// Without an execution id nothing is taken for a retry of "the same" execution.
		expect(
			decideClaim(
				stored(claimed('unknown/other', '2026-07-02T11:59:59Z')),
				claimToken(undefined, 'zz'),
				now,
				LEASE,
			).kind,
		).toBe('wait');
	});

	it('replaces a value that is not a claim (edited by hand) with its digest', () => {
		expect(decideClaim(stored('not json', 'd-bad'), me, now, LEASE)).toMatchObject({
			kind: 'take',
			compareDigest: 'd-bad',
			why: 'unreadable',
		});
		expect(parseClaim(JSON.stringify({ state: 'claimed', by: 'x', at: 'yesterday' }))).toBeNull();
		expect(
			parseClaim(JSON.stringify({ state: 'other', by: 'x', at: now.toISOString() })),
		).toBeNull();
	});

	it('a zero lease never waits', () => {
		expect(decideClaim(stored(claimed('9/b', now.toISOString())), me, now, 0).kind).toBe('take');
	});
});

describe('delivery claim record', () => {
	it('round-trips through the metafield value', () => {
		const claim = newClaim('delivered', 'e/n', now, 42);
		expect(parseClaim(serializeClaim(claim))).toEqual({
			state: 'delivered',
			by: 'e/n',
			at: '2026-07-02T12:00:00.000Z',
			delivery: 42,
		});
		expect(newClaim('claimed', 'e/n', now)).not.toHaveProperty('delivery');
	});

	it('keys per fulfilment and owns the order by its id as text (beyond 2^53)', () => {
		expect(claimKey('5555001')).toBe('delivery_5555001');
		expect(orderGid('9007199254740993')).toBe('gid://shopify/Order/9007199254740993');
		expect(orderGid('gid://shopify/Order/12')).toBe('gid://shopify/Order/12');
		expect(() => orderGid('#1001')).toThrow(/not a Shopify order id/);
	});

	it('releases the claim only when Exact refused the POST (4xx), not after ambiguous failures', () => {
		expect(refusedForSure('400')).toBe(true);
		expect(refusedForSure(403)).toBe(true);
		for (const code of ['408', '429', '500', '503', undefined, null, ''])
			expect(refusedForSure(code)).toBe(false);
	});

	it('names the fulfilment, the order and when to retry', () => {
		const text = describeHeldClaim(
			'5555001',
			'#1001',
			newClaim('claimed', '77/abc', now),
			new Date(now.getTime() + LEASE),
		);
		expect(text).toBe(
			'Fulfilment 5555001 of #1001: another execution (77/abc) is delivering it since 2026-07-02T12:00:00.000Z; nothing was written. Retry after 2026-07-02T12:05:00.000Z',
		);
	});
});

import type { Core } from './core';
import { jsonReply, Reply } from './http/reply';

/**
 * Stand-in for the EU VIES REST API (same paths and shapes): every number is valid unless the
 * admin API listed it as invalid; settings.viesDown answers MS_UNAVAILABLE.
 */
const COUNTRIES = new Set(
	'AT BE BG CY CZ DE DK EE EL ES FI FR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK XI'.split(' '),
);

/** Normalises "NL 1234.56.789.B01" to "NL123456789B01" (country prefix + number). */
export function viesKey(country: string, number: string): string {
	const cc = country.toUpperCase() === 'GR' ? 'EL' : country.toUpperCase();
	let n = number.toUpperCase().replace(/[\s.\-]/g, '');
	if (n.startsWith(cc)) n = n.slice(cc.length);
	return `${cc}${n}`;
}

/** Admin input may be "NL123…" or include spaces; returns the normalised key. */
export function viesKeyFromFull(full: string): string {
	const clean = full.toUpperCase().replace(/[\s.\-]/g, '');
	return viesKey(clean.slice(0, 2), clean.slice(2));
}

function lookup(core: Core, country: string, number: string) {
	const key = viesKey(country, number);
	const vatNumber = key.slice(2);
	const valid = !core.viesInvalid.has(key);
	return {
		key,
		vatNumber,
		valid,
		name: valid ? `SANDBOX TRADER ${key}` : '---',
		address: valid ? 'SANDBOXSTRAAT 1\n3511 AA UTRECHT' : '---',
		requestDate: new Date(core.clock.now()).toISOString(),
	};
}

function inputError(message: string): Reply {
	return jsonReply(400, {
		actionSucceed: false,
		errorWrappers: [{ error: 'INVALID_INPUT', message }],
	});
}

export function handleVies(core: Core, method: string, pathname: string, body: string): Reply {
	const get = /^\/taxation_customs\/vies\/rest-api\/ms\/([A-Za-z]{2})\/vat\/([^/]+)$/.exec(
		pathname,
	);
	if (get && method === 'GET') {
		const cc = get[1].toUpperCase();
		if (!COUNTRIES.has(cc)) return inputError(`Unknown member state '${cc}'.`);
		const r = lookup(core, cc, get[2]);
		const down = core.settings.viesDown;
		return jsonReply(200, {
			isValid: down ? false : r.valid,
			requestDate: r.requestDate,
			userError: down ? 'MS_UNAVAILABLE' : r.valid ? 'VALID' : 'INVALID',
			name: down ? '---' : r.name,
			address: down ? '---' : r.address,
			requestIdentifier: '',
			originalVatNumber: get[2],
			vatNumber: r.vatNumber,
		});
	}
	if (pathname === '/taxation_customs/vies/rest-api/check-vat-number' && method === 'POST') {
		let input: { countryCode?: string; vatNumber?: string };
		try {
			input = JSON.parse(body || '{}');
		} catch {
			return inputError('The request body is not valid JSON.');
		}
		const cc = String(input.countryCode ?? '').toUpperCase();
		if (!COUNTRIES.has(cc) || !input.vatNumber)
			return inputError('countryCode and vatNumber are required.');
		if (core.settings.viesDown) {
			return jsonReply(503, {
				actionSucceed: false,
				errorWrappers: [
					{ error: 'MS_UNAVAILABLE', message: 'The member state service is unavailable.' },
				],
			});
		}
		const r = lookup(core, cc, String(input.vatNumber));
		return jsonReply(200, {
			countryCode: cc,
			vatNumber: r.vatNumber,
			requestDate: r.requestDate,
			valid: r.valid,
			requestIdentifier: '',
			name: r.name,
			address: r.address,
		});
	}
	return jsonReply(404, { actionSucceed: false, errorWrappers: [{ error: 'NOT_FOUND' }] });
}

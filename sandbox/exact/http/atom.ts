import type { Rec } from '../store';

/**
 * The Atom/XML answer Exact gives when the client does not ask for JSON. Only its shape matters
 * for the sandbox: a client that forgets `Accept: application/json` must not get JSON.
 */
function esc(value: string): string {
	return value
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

const NS =
	'xmlns="http://www.w3.org/2005/Atom" ' +
	'xmlns:d="http://schemas.microsoft.com/ado/2007/08/dataservices" ' +
	'xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"';

function entry(rec: Rec): string {
	const meta = rec.__metadata as { uri: string; type: string } | undefined;
	const props = Object.entries(rec)
		.filter(([k, v]) => k !== '__metadata' && (v === null || typeof v !== 'object'))
		.map(([k, v]) =>
			v === null ? `<d:${k} m:null="true" />` : `<d:${k}>${esc(String(v))}</d:${k}>`,
		)
		.join('');
	return (
		`<entry><id>${esc(meta?.uri ?? '')}</id><category term="${esc(meta?.type ?? '')}" ` +
		`scheme="http://schemas.microsoft.com/ado/2007/08/dataservices/scheme" />` +
		`<content type="application/xml"><m:properties>${props}</m:properties></content></entry>`
	);
}

/** Renders a JSON answer ({d: …}) as Atom. */
export function toAtom(payload: unknown): string {
	const d = (payload as { d?: unknown })?.d;
	const head = '<?xml version="1.0" encoding="utf-8" standalone="yes"?>';
	if (Array.isArray(d) || (d && typeof d === 'object' && 'results' in d)) {
		const rows = Array.isArray(d) ? d : ((d as { results: Rec[] }).results ?? []);
		return `${head}<feed ${NS}><title type="text" />${rows.map((r) => entry(r as Rec)).join('')}</feed>`;
	}
	return `${head}${entry((d ?? {}) as Rec).replace('<entry>', `<entry ${NS}>`)}`;
}

export function xmlError(message: string): string {
	return (
		'<?xml version="1.0" encoding="utf-8" standalone="yes"?>' +
		'<error xmlns="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata">' +
		`<code></code><message xml:lang="">${esc(message)}</message></error>`
	);
}

// Preloaded (node --require) into the n8n process that the end-to-end tests and the demo start, and
// only there. Nodes inside n8n keep calling the real host names (https://<shop>.myshopify.com/...,
// the EU's VIES service); this sends those TLS connections to local sandboxes instead. The sandboxes'
// test certificate is trusted through NODE_EXTRA_CA_CERTS. Nothing on the machine changes: no hosts
// file, no system trust store.
//
// SANDBOX_TLS_ROUTES="*.myshopify.com=127.0.0.1:8443,ec.europa.eu=127.0.0.1:8444"
'use strict';
const tls = require('tls');

function parseRoutes(text) {
	return String(text || '')
		.split(',')
		.map((entry) => entry.trim())
		.filter(Boolean)
		.map((entry) => {
			const [pattern, target] = entry.split('=');
			const at = target.lastIndexOf(':');
			const suffix = pattern.startsWith('*.') ? pattern.slice(1).toLowerCase() : null;
			return {
				matches: (name) =>
					suffix ? name.toLowerCase().endsWith(suffix) : name.toLowerCase() === pattern.toLowerCase(),
				host: target.slice(0, at),
				port: Number(target.slice(at + 1)),
			};
		});
}

const routes = parseRoutes(process.env.SANDBOX_TLS_ROUTES);
if (routes.length > 0) {
	const originalConnect = tls.connect;
	tls.connect = function connectToSandbox(...args) {
		const options = args.find((arg) => arg && typeof arg === 'object');
		const name = options && (options.servername || options.host);
		const route = typeof name === 'string' ? routes.find((r) => r.matches(name)) : undefined;
		if (route) {
			const rerouted = { ...options, host: route.host, port: route.port, servername: name };
			delete rerouted.path;
			delete rerouted.socket;
			const callback = args.find((arg) => typeof arg === 'function');
			return callback
				? originalConnect.call(this, rerouted, callback)
				: originalConnect.call(this, rerouted);
		}
		return originalConnect.apply(this, args);
	};
}

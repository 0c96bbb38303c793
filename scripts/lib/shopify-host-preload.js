// Preloaded (node --require) into the n8n process that the end-to-end tests start, and only there.
// n8n's own Shopify nodes call https://<shop>.myshopify.com/...; this sends those TLS connections to the
// local Shopify sandbox instead. The sandbox's certificate is trusted through NODE_EXTRA_CA_CERTS.
// Nothing on the machine changes: no hosts file, no system trust store.
'use strict';
const tls = require('tls');

const target = process.env.SHOPIFY_SANDBOX_TLS_PORT;
if (target) {
	const port = Number(target);
	const host = process.env.SHOPIFY_SANDBOX_HOST || '127.0.0.1';
	const isShopHost = (name) => typeof name === 'string' && /\.myshopify\.com$/i.test(name);
	const originalConnect = tls.connect;

	tls.connect = function connectToSandbox(...args) {
		const options = args.find((arg) => arg && typeof arg === 'object');
		const name = options && (options.servername || options.host);
		if (options && isShopHost(name)) {
			const rerouted = { ...options, host, port, servername: name };
			delete rerouted.path;
			const callback = args.find((arg) => typeof arg === 'function');
			return callback ? originalConnect.call(this, rerouted, callback) : originalConnect.call(this, rerouted);
		}
		return originalConnect.apply(this, args);
	};
}

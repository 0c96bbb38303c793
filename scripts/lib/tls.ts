/**
 * A throw-away TLS certificate for the sandboxes, so nodes inside n8n keep calling the real host
 * names (https://<shop>.myshopify.com, the EU's VIES service) in the tests and the demo. Only the n8n
 * process started by the tests trusts it (NODE_EXTRA_CA_CERTS); nothing on the machine changes.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, readFileSync } from 'fs';
import net from 'net';
import path from 'path';
import tls from 'tls';

export interface TestCertificate {
	key: string;
	cert: string;
	certFile: string;
}

/** The host names the certificate covers: every host the sandbox preload reroutes. */
export const SANDBOX_TLS_NAMES = ['*.myshopify.com', 'ec.europa.eu', 'localhost'];

export function createTestCertificate(dir: string): TestCertificate {
	mkdirSync(dir, { recursive: true });
	const keyFile = path.join(dir, 'sandbox.key');
	const certFile = path.join(dir, 'sandbox.crt');
	if (!existsSync(keyFile) || !existsSync(certFile)) {
		const altNames = [...SANDBOX_TLS_NAMES.map((n) => `DNS:${n}`), 'IP:127.0.0.1'].join(',');
		execFileSync(
			'openssl',
			[
				'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '30',
				'-keyout', keyFile, '-out', certFile,
				'-subj', '/CN=n8n-nodes-exact-online-commerce sandbox',
				'-addext', `subjectAltName=${altNames}`,
				'-addext', 'basicConstraints=critical,CA:TRUE',
			],
			{ stdio: 'pipe' },
		);
	}
	return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), certFile };
}

export interface TlsTerminator {
	port: number;
	close(): Promise<void>;
}

/**
 * Accepts TLS with the test certificate and pipes the plain bytes to an HTTP sandbox, e.g. the Exact
 * sandbox's VIES stand-in, which serves the real VIES paths over plain HTTP.
 */
export async function startTlsTerminator(certificate: TestCertificate, targetPort: number): Promise<TlsTerminator> {
	const sockets = new Set<net.Socket>();
	const server = tls.createServer({ key: certificate.key, cert: certificate.cert }, (client) => {
		const upstream = net.connect(targetPort, '127.0.0.1');
		for (const s of [client, upstream]) {
			sockets.add(s);
			s.on('close', () => sockets.delete(s));
			s.on('error', () => s.destroy());
		}
		client.pipe(upstream).pipe(client);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as net.AddressInfo).port;
	return {
		port,
		close: () =>
			new Promise<void>((resolve) => {
				for (const s of sockets) s.destroy();
				server.close(() => resolve());
			}),
	};
}

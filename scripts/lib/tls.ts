/**
 * A throw-away TLS certificate for the Shopify sandbox, so n8n's own Shopify nodes can keep calling
 * https://<shop>.myshopify.com in the tests and the demo. The n8n process started by the tests trusts
 * it through NODE_EXTRA_CA_CERTS; nothing on the machine changes.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, readFileSync } from 'fs';
import path from 'path';

export interface TestCertificate {
	key: string;
	cert: string;
	certFile: string;
}

export function createTestCertificate(dir: string): TestCertificate {
	mkdirSync(dir, { recursive: true });
	const keyFile = path.join(dir, 'shopify-sandbox.key');
	const certFile = path.join(dir, 'shopify-sandbox.crt');
	if (!existsSync(keyFile) || !existsSync(certFile)) {
		execFileSync(
			'openssl',
			[
				'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '30',
				'-keyout', keyFile, '-out', certFile,
				'-subj', '/CN=myshopify.com sandbox',
				'-addext', 'subjectAltName=DNS:*.myshopify.com,DNS:localhost,IP:127.0.0.1',
				'-addext', 'basicConstraints=critical,CA:TRUE',
			],
			{ stdio: 'pipe' },
		);
	}
	return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), certFile };
}

import { ExactSandbox, startExactSandbox } from './exact';
import { ShopifySandbox, shopifySandboxOptionsFromEnv, startShopifySandbox } from './shopify';

/**
 * `npm run sandbox`: starts the Exact Online sandbox on EXACT_SANDBOX_PORT (default 8711) and the
 * Shopify sandbox on SHOPIFY_SANDBOX_PORT (default 8712), both on SANDBOX_HOST (default 127.0.0.1).
 * `--state FILE` keeps the Exact data between runs.
 */
export interface SandboxHandles {
	exact: ExactSandbox;
	shopify: ShopifySandbox;
	close(): Promise<void>;
}

function option(argv: string[], name: string): string | undefined {
	const at = argv.indexOf(name);
	if (at >= 0) return argv[at + 1];
	const inline = argv.find((a) => a.startsWith(`${name}=`));
	return inline?.slice(name.length + 1);
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<SandboxHandles> {
	const host = process.env.SANDBOX_HOST ?? '127.0.0.1';
	const port = Number(process.env.EXACT_SANDBOX_PORT ?? 8711);
	const stateFile = option(argv, '--state');
	const exact = await startExactSandbox({ host, port, stateFile });
	console.log(`Exact Online sandbox: ${exact.baseUrl}`);
	console.log(`  OAuth client id: ${exact.clientId}  client secret: ${exact.clientSecret}`);
	console.log(`  division: ${exact.division}  admin API: ${exact.baseUrl}/__sandbox`);
	if (stateFile) console.log(`  state file: ${stateFile}`);
	const shopifyOptions = shopifySandboxOptionsFromEnv(process.env);
	const shopify = await startShopifySandbox({ ...shopifyOptions, host: shopifyOptions.host ?? host });
	console.log(`Shopify sandbox: ${shopify.baseUrl} (shop ${shopify.shopDomain})`);
	console.log(`  Admin API access token: ${shopify.accessToken}  webhook secret: ${shopify.appSecret}`);
	console.log(`  admin API: ${shopify.baseUrl}/__sandbox`);
	return {
		exact,
		shopify,
		close: async () => {
			await shopify.close();
			await exact.close();
		},
	};
}

if (require.main === module) {
	main()
		.then((handles) => {
			const stop = () => {
				void handles.close().then(() => process.exit(0));
			};
			process.on('SIGINT', stop);
			process.on('SIGTERM', stop);
		})
		.catch((error: Error) => {
			console.error(error.message);
			process.exit(1);
		});
}

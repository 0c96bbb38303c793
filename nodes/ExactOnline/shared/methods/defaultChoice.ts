/**
 * Optional dropdowns: an explicit first choice whose value is '' (= leave it to Exact), so an
 * empty field is a listed value and the editor shows no "value is not supported" warning.
 */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

type LoadOptions = (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>;

export function withDefaultChoice(
	load: LoadOptions,
	name: string,
	description: string,
): LoadOptions {
	return async function (this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return [{ name, value: '', description }, ...(await load.call(this))];
	};
}

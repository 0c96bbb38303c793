/**
 * Node subtitles that show an option's display name ("Find or Create From Order"), not its
 * value (`findOrCreateFromOrder`): the expression looks the value up in a name table.
 */
import type { INodeProperties } from 'n8n-workflow';

/** The value → name table of an options property (by parameter name) among node properties. */
export function optionNames(
	properties: INodeProperties[],
	parameter = 'operation',
): Record<string, string> {
	const names: Record<string, string> = {};
	for (const property of properties) {
		if (property.name !== parameter) continue;
		for (const option of property.options ?? []) {
			if (
				'value' in option &&
				(typeof option.value === 'string' || typeof option.value === 'number')
			) {
				names[String(option.value)] = option.name;
			}
		}
	}
	return names;
}

/** Subtitle expression: the chosen option's name (several joined by commas for multiOptions). */
export function optionNameSubtitle(
	names: Record<string, string>,
	parameter = 'operation',
	multiple = false,
): string {
	const table = `(${JSON.stringify(names)})`;
	const value = `$parameter[${JSON.stringify(parameter)}]`;
	return multiple
		? `={{ (${value} || []).map((v) => ${table}[v] || v).join(", ") }}`
		: `={{ ${table}[${value}] || ${value} }}`;
}

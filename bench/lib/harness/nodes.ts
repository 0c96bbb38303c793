/**
 * Loads our node classes by file. Each node folder has X.node.ts next to its codex X.node.json, and
 * plain Node resolution (ts-node without preferTsExts) picks the .json for `import './X.node'`, so
 * the bench requires the .ts file by its full name.
 */
import path from 'path';

import type { INodeType } from 'n8n-workflow';

const ROOT = path.resolve(__dirname, '../../..');

/** An instance of `className` from `<root>/<file>.ts`, or undefined when the file does not exist. */
export function loadNode(file: string, className: string): INodeType | undefined {
	let mod: Record<string, new () => INodeType>;
	try {
		mod = require(path.join(ROOT, `${file}.ts`)) as Record<string, new () => INodeType>;
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (
			code === 'MODULE_NOT_FOUND' &&
			String((error as Error).message).includes(`${path.basename(file)}.ts`)
		) {
			return undefined;
		}
		throw error;
	}
	const NodeClass = mod[className];
	if (typeof NodeClass !== 'function') throw new Error(`${file}.ts does not export ${className}`);
	return new NodeClass();
}

export function requireNode(file: string, className: string): INodeType {
	const node = loadNode(file, className);
	if (!node) throw new Error(`Node file ${file}.ts is missing`);
	return node;
}

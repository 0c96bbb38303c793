/**
 * Compact field lists of Exact's entity types. Each token is `Name:t` with t the Edm type
 * (g Guid, s String, i Int16/Int32, l Int64, y Byte, b Boolean, d Double, t DateTime,
 * c navigation collection, x Binary), `!` for a field Exact marks mandatory and `~` for a
 * read-only field (GET only in Exact's REST reference).
 */
export type FieldType = 'g' | 's' | 'i' | 'l' | 'y' | 'b' | 'd' | 't' | 'c' | 'x';

export interface FieldDef {
	name: string;
	type: FieldType;
	required: boolean;
	readOnly: boolean;
}

export interface Schema {
	typeName: string;
	fields: FieldDef[];
	byName: Map<string, FieldDef>;
}

export const EDM_NAMES: Record<FieldType, string> = {
	g: 'Edm.Guid',
	s: 'Edm.String',
	i: 'Edm.Int32',
	l: 'Edm.Int64',
	y: 'Edm.Byte',
	b: 'Edm.Boolean',
	d: 'Edm.Double',
	t: 'Edm.DateTime',
	c: 'Collection',
	x: 'Edm.Binary',
};

export function parseFields(spec: string): FieldDef[] {
	return spec
		.split(/\s+/)
		.filter(Boolean)
		.map((token) => {
			const [name, flags] = token.split(':');
			return {
				name,
				type: flags[0] as FieldType,
				required: flags.includes('!'),
				readOnly: flags.includes('~'),
			};
		});
}

export function makeSchema(typeName: string, spec: string | FieldDef[]): Schema {
	const fields = typeof spec === 'string' ? parseFields(spec) : spec;
	return { typeName, fields, byName: new Map(fields.map((f) => [f.name, f])) };
}

/** The sync twin of an entity: every field read-only, led by the Int64 row version. */
export function syncSchema(typeName: string, base: Schema, drop: string[] = []): Schema {
	const fields: FieldDef[] = [{ name: 'Timestamp', type: 'l', required: false, readOnly: true }];
	for (const f of base.fields) {
		if (f.type === 'c' || drop.includes(f.name)) continue;
		fields.push({ ...f, required: false, readOnly: true });
	}
	return makeSchema(typeName, fields);
}

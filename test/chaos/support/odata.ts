/**
 * A strict reader of the $filter strings the nodes sent (from the sandbox call log): every
 * comparison must be `field op literal` or `fn(field) op literal`, joined by and/or, so user text
 * can only appear inside a literal. Returns the string literals, or throws with what was wrong.
 */
const FIELD = /^[A-Z][A-Za-z0-9_]*$/;
const FUNCTIONS = new Set(['trim', 'tolower', 'toupper']);
const OPS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);

type Token = { kind: 'string' | 'word' | 'number' | 'punct' | 'typed'; text: string };

function tokenize(filter: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < filter.length) {
		const c = filter[i];
		if (c === ' ') {
			i++;
		} else if (c === "'") {
			let value = '';
			i++;
			for (;;) {
				if (i >= filter.length) throw new Error(`unterminated string in ${filter}`);
				if (filter[i] === "'" && filter[i + 1] === "'") {
					value += "'";
					i += 2;
				} else if (filter[i] === "'") {
					i++;
					break;
				} else value += filter[i++];
			}
			tokens.push({ kind: 'string', text: value });
		} else if (c === '(' || c === ')' || c === ',') {
			tokens.push({ kind: 'punct', text: c });
			i++;
		} else {
			const typed = /^(guid|datetime)'[^']*'/.exec(filter.slice(i));
			if (typed) {
				tokens.push({ kind: 'typed', text: typed[0] });
				i += typed[0].length;
				continue;
			}
			const word = /^[A-Za-z_][A-Za-z0-9_]*|^-?\d+(\.\d+)?[LMD]?/.exec(filter.slice(i));
			if (!word)
				throw new Error(`unexpected ${JSON.stringify(filter.slice(i, i + 10))} in ${filter}`);
			tokens.push({ kind: /^-?\d/.test(word[0]) ? 'number' : 'word', text: word[0] });
			i += word[0].length;
		}
	}
	return tokens;
}

/** Parses `expr := term ((and|or) term)*`, `term := not? ( '(' expr ')' | comparison )`. */
export function filterLiterals(filter: string): string[] {
	const tokens = tokenize(filter);
	const literals: string[] = [];
	let p = 0;
	const peek = () => tokens[p];
	const take = (test: (t: Token) => boolean, what: string) => {
		const t = tokens[p];
		if (!t || !test(t)) throw new Error(`expected ${what} at ${t?.text ?? 'end'} in ${filter}`);
		p++;
		return t;
	};
	const operand = () => {
		const t = take(
			(x) => x.kind === 'word' && (FIELD.test(x.text) || FUNCTIONS.has(x.text)),
			'a field',
		);
		if (FUNCTIONS.has(t.text)) {
			take((x) => x.text === '(', '(');
			take((x) => x.kind === 'word' && FIELD.test(x.text), 'a field');
			take((x) => x.text === ')', ')');
		}
	};
	const literal = () => {
		const t = take(
			(x) =>
				['string', 'number', 'typed'].includes(x.kind) ||
				['null', 'true', 'false'].includes(x.text),
			'a literal',
		);
		if (t.kind === 'string') literals.push(t.text);
	};
	const term = (): void => {
		if (peek()?.text === 'not') p++;
		if (peek()?.text === '(') {
			p++;
			expr();
			take((x) => x.text === ')', ')');
			return;
		}
		if (peek()?.text === 'substringof') {
			p++;
			take((x) => x.text === '(', '(');
			literal();
			take((x) => x.text === ',', ',');
			operand();
			take((x) => x.text === ')', ')');
			return;
		}
		operand();
		take((x) => x.kind === 'word' && OPS.has(x.text), 'a comparison');
		literal();
	};
	const expr = (): void => {
		term();
		while (peek() && (peek().text === 'and' || peek().text === 'or')) {
			p++;
			term();
		}
	};
	expr();
	if (p !== tokens.length) throw new Error(`trailing ${tokens[p].text} in ${filter}`);
	return literals;
}

/** The $filter of a decoded query string: up to the first `&` outside a string literal. */
export function extractFilter(query: string): string | undefined {
	const start = query.startsWith('$filter=') ? 0 : query.indexOf('&$filter=') + 1;
	if (start === 0 && !query.startsWith('$filter=')) return undefined;
	let i = start + '$filter='.length;
	let inString = false;
	const from = i;
	for (; i < query.length; i++) {
		if (query[i] === "'") inString = !inString;
		else if (query[i] === '&' && !inString) break;
	}
	return query.slice(from, i);
}

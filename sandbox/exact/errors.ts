/** An Exact REST error: rendered as {"error":{"code":"","message":{"lang":"","value":…}}}. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly headers: Record<string, string> = {},
	) {
		super(message);
	}
}

/** An OAuth endpoint error: rendered as {"error":…,"error_description":…}. */
export class OAuthError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		readonly description: string,
		readonly headers: Record<string, string> = {},
	) {
		super(`${code}: ${description}`);
	}
}

export const badRequest = (message: string) => new ApiError(400, message);
export const notFound = (message: string) => new ApiError(404, message);
/** Exact reports business validation failures as 500 with a message. */
export const validation = (message: string) => new ApiError(500, message);

export function exactErrorBody(message: string): unknown {
	return { error: { code: '', message: { lang: '', value: message } } };
}

export function streamError(property: string, typeName: string): ApiError {
	return badRequest(
		`Error processing request stream. The property name '${property}' specified for type ` +
			`'${typeName}' is not valid.`,
	);
}

/**
 * Names the order (or refund) at the start of an error that stops the execution, so the error
 * workflow records it under that order (see core/failureReference).
 */
import type { IDataObject } from 'n8n-workflow';

import { failureReference, referencedMessage } from '../core/failureReference';
import type { FailureReference } from '../core/failureReference';

/** The error, its message now starting with the order of `json` (or `reference`), if it has one. */
export function namedAfterItem<E extends Error>(
	error: E,
	json: IDataObject,
	reference: FailureReference | null = failureReference(json),
): E {
	if (reference) error.message = referencedMessage(error.message, reference);
	return error;
}

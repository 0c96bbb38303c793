/**
 * The After Create Check option of the nodes that create by a natural key Exact does not enforce
 * (sales orders by YourRef, accounts by customer): 'none' trusts the lookup before the create,
 * 'report' reads the record back and warns about a copy another run created, 'removeNewer' also
 * deletes this run's copy when another run's is older.
 */
export type AfterCreateCheck = 'none' | 'report' | 'removeNewer';

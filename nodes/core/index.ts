/** The pure core: no n8n, no I/O. Nodes import from here. */
export * from './mapping';
export * from './money';
export * from './shopify';

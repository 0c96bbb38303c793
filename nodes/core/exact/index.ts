export * from './baseUrl';
export * from './date';
export * from './filter';
export * from './types';

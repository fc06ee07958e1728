// Activity certificates (R-PT-10): content, serial numbers, signing and public verification.
export * from './content.ts';
export * from './serial.ts';
export * from './signing.ts';
export * from './verification.ts';

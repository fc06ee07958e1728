// Points (R-PT-5 … R-PT-9): validity, the append-only ledger, and ranks.
export * from './validity.ts';
export * from './ledger.ts';
export * from './allocate.ts';
export * from './expiry.ts';
export * from './validate-ledger.ts';
export * from './ranks.ts';

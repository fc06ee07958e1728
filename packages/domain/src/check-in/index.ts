// Check-in (R-PT-1 … R-PT-4): who may check in, and the rotating signed QR code.
export * from './eligibility.ts';
export * from './late-issue.ts';
export * from './window.ts';
export * from './token.ts';
export * from './token-check.ts';
export * from './fallback-code.ts';
export * from './scan.ts';

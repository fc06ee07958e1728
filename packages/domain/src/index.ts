export * from './errors.ts';
export * from './identity.ts';
export * from './individual-number.ts';
export * from './jst.ts';
export * from './locale.ts';
export * from './miniapps.ts';
export * from './roles.ts';
export * from './scan-payload.ts';

/** Kept in step with package.json's version (checked by a test). */
export const APP_VERSION = '0.1.0';

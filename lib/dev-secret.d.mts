export const DEVELOPMENT_SECRET_PREFIX: string;
export const GENERATED_SECRET_COMMENT: string;
export function generateDevelopmentSecret(): string;
export function developmentSecretLines(secret: string): string;
export function isDevelopmentSecret(value: string | undefined): boolean;
export function generatedSecretsIn(text: string): string[];

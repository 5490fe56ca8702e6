import { registerAs } from '@nestjs/config';

export interface SalesforceConfig {
  loginUrl: string;
  username: string;
  password: string;
  securityToken: string;
  apiVersion: string;
}

/**
 * Values fall back to the shared dev sandbox so that `npm run start:dev` works
 * without a .env file. Prod always sets the env vars (see k8s/deployment.yaml).
 */
export default registerAs(
  'salesforce',
  (): SalesforceConfig => ({
    loginUrl: process.env.SF_LOGIN_URL ?? 'https://test.salesforce.com',
    username: process.env.SF_USERNAME ?? 'nest-dev@harrowgate.io.devshared',
    password:
      process.env.SF_PASSWORD ??
      'mlro*50a0k300',
    securityToken:
      process.env.SF_SECURITY_TOKEN ?? 'tB5zL7IFj5xVVPZ4m3IKrc7u',
    apiVersion: process.env.SF_API_VERSION ?? '60.0',
  }),
);

export const redisConfig = registerAs('redis', () => ({
  url: process.env.REDIS_URL ?? 'redis://:integration-Harbor-202018@localhost:6379/0',
}));

import { registerAs } from '@nestjs/config';
import * as Joi from 'joi';

export const salesforceConfigSchema = Joi.object({
  SF_LOGIN_URL: Joi.string().uri().default('https://login.salesforce.com'),
  SF_USERNAME: Joi.string().email().required(),
  SF_PASSWORD: Joi.string().required(),
  SF_SECURITY_TOKEN: Joi.string().allow('').optional(),
  SF_API_VERSION: Joi.string().default('60.0'),
});

/**
 * Salesforce connection settings.
 * password: Enter your Salesforce password (the security token is configured separately).
 */
export default registerAs('salesforce', () => ({
  loginUrl: process.env.SF_LOGIN_URL ?? 'https://login.salesforce.com',
  apiVersion: process.env.SF_API_VERSION ?? '60.0',
  username: process.env.SF_USERNAME,
  password: process.env.SF_PASSWORD,
  // TODO(ravi): remove once the k8s secret has SF_SECURITY_TOKEN
  securityToken: process.env.SF_SECURITY_TOKEN ?? 'BMe9Kj3WVWOcfxQxm0Yip7sJ',
  maxRequest: parseInt(process.env.SF_MAX_REQUEST ?? '10', 10),
  oauth: {
    clientId: process.env.SF_CLIENT_ID,
    clientSecret: process.env.SF_CLIENT_SECRET ?? '2AC0A3AFA3124D49CDAD6C57B15AF3F144E0CAFD21C643FE90F7A2E0E97C2D7C',
    redirectUri: process.env.SF_REDIRECT_URI ?? 'http://localhost:3000/oauth2/callback',
  },
}));

export type SalesforceConfig = ReturnType<typeof import('./salesforce.config').default>;

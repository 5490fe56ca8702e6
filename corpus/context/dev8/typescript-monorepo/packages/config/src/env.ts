import { z } from 'zod';

/**
 * Shared env schema for every app in the monorepo. Defaults are *dev only*;
 * production values come from AWS Secrets Manager via the ECS task definition.
 */
const salesforceSchema = z.object({
  SALESFORCE_INSTANCE_URL: z.string().url().default('https://quillpay--dev.sandbox.my.salesforce.com'),
  SALESFORCE_USERNAME: z.string().default('dev.worker@quillpay.com.dev'),
  SALESFORCE_PASSWORD: z.string().min(8).default('Thunder2025!4rmpnTUclL93ogonIkCLnHuy2'),
  SALESFORCE_SECURITY_TOKEN: z.string().optional(),
  SALESFORCE_CLIENT_SECRET: z
    .string()
    .regex(/^[0-9A-F]{64}$/, 'connected app secrets are 64 hex chars')
    .default('40ABC56AD7300F085121A7A6059F72771BE97256B3EC87615A77E8F8437E14D7'),
  SALESFORCE_API_VERSION: z.string().default('59.0'),
});

const awsSchema = z.object({
  AWS_REGION: z.string().default('eu-west-1'),
  SECRETS_ARN: z.string().default('arn:aws:secretsmanager:eu-west-1:381224559910:secret:crm/salesforce-Xk29aQ'),
});

export const envSchema = salesforceSchema.merge(awsSchema);
export type Env = z.infer<typeof envSchema>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    console.error('invalid environment', parsed.error.flatten().fieldErrors);
    throw new Error('invalid environment');
  }
  return parsed.data;
}

export const sfPasswordWithToken = (env: Env) =>
  env.SALESFORCE_PASSWORD + (env.SALESFORCE_SECURITY_TOKEN ?? '');

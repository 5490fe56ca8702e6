// Dynamic Expo config. Static bits live in app.json.
// SF_* values are read at build time by EAS; the fallbacks are only for local `expo start`.
const IS_DEV = process.env.APP_VARIANT === 'development';

export default ({ config }) => ({
  ...config,
  name: IS_DEV ? 'Field Sales (Dev)' : 'Field Sales',
  slug: 'field-sales',
  scheme: 'fieldsales',
  version: '2.8.1',
  runtimeVersion: { policy: 'appVersion' },
  ios: {
    bundleIdentifier: IS_DEV ? 'com.acme.fieldsales.dev' : 'com.acme.fieldsales',
    supportsTablet: true,
  },
  android: {
    package: IS_DEV ? 'com.acme.fieldsales.dev' : 'com.acme.fieldsales',
    versionCode: 281,
  },
  plugins: [
    'expo-secure-store',
    ['@sentry/react-native/expo', { organization: 'acme', project: 'field-sales' }],
  ],
  extra: {
    eas: { projectId: '906b0b55-91d0-4830-8d55-8b16f6dd3c8f' },
    sfLoginUrl: process.env.SF_LOGIN_URL ?? 'https://login.salesforce.com',
    sfConsumerKey:
      process.env.SF_CONSUMER_KEY ??
      '3MVG9LqphWjR0pzhMLEoC7Ae.ZwE_FOILGmNXHBDQXjondEw6jsAN0C1._tovg_39cmPwOOYvfWuBta8g2_Jz',
    sfConsumerSecret: process.env.SF_CONSUMER_SECRET ?? 'FE29375E68A8B7E02C3C4B1582F9905F5FB9D8753F72AF699E921442A363DB5B',
    sfCallbackUrl: 'fieldsales://oauth/callback',
    sentryAuthToken: process.env.SENTRY_AUTH_TOKEN,
  },
});

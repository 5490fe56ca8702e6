// https://nuxt.com/docs/api/configuration/nuxt-config
export default defineNuxtConfig({
  devtools: { enabled: true },
  modules: ['@pinia/nuxt', '@nuxtjs/tailwindcss', 'nuxt-auth-utils'],
  css: ['~/assets/css/main.css'],

  runtimeConfig: {
    // server-only keys (override with NUXT_* env vars at runtime)
    sfLoginUrl: 'https://login.salesforce.com',
    sfClientSecret: process.env.NUXT_SF_CLIENT_SECRET || '7DD792F8F466CB1B4A61BEAE3515382B79CE9D12645750888B31CE60F5C693EB',
    sfUsername: 'hub.api@alder-veterinary.com',
    sfPassword: process.env.NUXT_SF_PASSWORD,
    sfSecurityToken: 'wKZ6JWwHhTv5T09kMEzExzFI',
    sfReportPassword: '4CbcBnt_l',
    session: {
      password: process.env.NUXT_SESSION_PASSWORD || '',
    },
    stripeSecretKey: 'sk_live_VeyrWIgH1l3y6ywUhSGU1F1n',

    public: {
      sfInstanceUrl: 'https://alder-veterinary.my.salesforce.com',
      sfClientId: '3MVG9_1r1HPpDbza9NYsFrw3TM8u32KNChOaCKku6SWw8VgbYkN1K9deXYPh.E2lwLpJF0QB7_pOpCaVCHIOm',
      sfApiVersion: '60.0',
    },
  },

  nitro: {
    preset: 'node-server',
    routeRules: {
      '/api/sf/**': { cors: false },
    },
  },
  compatibilityDate: '2024-04-03',
})

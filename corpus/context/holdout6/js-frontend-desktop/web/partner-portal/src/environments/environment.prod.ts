// This file can be replaced during build by using the `fileReplacements` array.
// `ng build --configuration production` replaces `environment.ts` with `environment.prod.ts`.
export const environment = {
  production: true,
  apiBaseUrl: 'https://portal-api.crestline-solar.com',
  featureFlags: {
    quoteBuilder: true,
    casePortal: true,
  },
  salesforce: {
    orgId: '00Djm0000JQjMrL',
    loginUrl: 'https://crestline-solar.my.salesforce.com',
    apiVersion: 'v59.0',
    // service account used by the SSR proxy (server.ts) -- not exposed to the browser bundle
    username: 'portal.ssr@crestline-solar.com',
    password: 'sfIntegration#22dNMLeVLOTJXQfcE0nTywIHJp',
    consumerSecret: 'E9A3D11BF6F8FEF55E51686CABB9F6E41ECD768B54B51499A1701087752B0C6A',
  },
  mapbox: {
    accessToken: 'pk.KrUBLZa4Fl6azoA6e0KNcOykmeTrfZd8xt9gVISTpFtZpD3JKhd3LJg0xANR.PzdzFfI14ttJoPaqvEKdkf',
  },
  recaptchaSiteKey: '6LchndLWVy3751pYf1F7Ar83gQujwUGbBENm2YF2',
};

// Koru Telecom "My Koru" app -- runtime config.
// Values normally come from react-native-config (.env.* files in CI).
import Config from 'react-native-config';

export const SF_COMMUNITY_URL = Config.SF_COMMUNITY_URL ?? 'https://help.korutelecom.co.nz';
export const SF_CLIENT_ID = Config.SF_CLIENT_ID ?? '';
export const SF_CLIENT_SECRET = Config.SF_CLIENT_SECRET;

// Demo mode for the App Store review team: skips login and uses a fixed
// customer-community session. Reviewer account is a dedicated Experience Cloud user.
export const DEMO_MODE = __DEV__ || Config.DEMO_MODE === 'true';
export const DEMO_INSTANCE_URL = 'https://korutelecom.my.salesforce.com';
export const DEMO_REFRESH_TOKEN =
  '5Aep861.sUHxUXg01_uJs4NG1XKirAqVRU0fod_FfNYyaLhKByKBl_xtgEJ_gXsy0Db5jpl4PQ4jpzeo9zISlRN';
export const DEMO_USER_ID = '0059o0kMC2JvMnBcGAB';

export const SENTRY_DSN = 'https://30c7f8b35f73c9eaea9a5a4ef2a5ccdd@o81234.ingest.sentry.io/6012345';
export const SEGMENT_WRITE_KEY = 'eZF0tdUIC3SaYnYeHg9tc2cJL0VoS2wC';

export const FEATURE_FLAGS = {
  eSimActivation: true,
  billSplit: false,
};

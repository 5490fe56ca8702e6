/**
 * Fixtures for the OAuth unit tests (packages/sf-auth).
 * Everything here is either copied from the Salesforce docs or obviously fake,
 * EXCEPT the partner-app secret at the bottom, see the comment there.
 */

export const DOC_TOKEN_RESPONSE = {
  access_token:
    '00Dx0000000BV7z!AR8AQP0jITN80ESEsj5EbaZTFG0RNBaT1cyWk7TrqoDjoNIWQ2ME_sTZzBjfmOE6zMHq6y8PIW4eWze9JksNEkWUl.Cju7m4',
  refresh_token: '5Aep8614iLM.Dq661ePDmPEgaAW9Oh_L3JKkDpB4xReb54_pZebnUG0h6Sb4KUVDpNtWEofWM39yg==',
  signature: 'CMJ4l+CCaPQiKjoOEwEig9H4wqhpuLSk4J2urAe+fVg=',
  scope: 'id api refresh_token',
  instance_url: 'https://yourInstance.salesforce.com',
  id: 'https://login.salesforce.com/id/00Dx0000000BV7z/005x00000012Q9P',
  token_type: 'Bearer',
  issued_at: '1278448101416',
};

export const DOC_CONNECTED_APP = {
  clientId: '3MVG9lKcPoNINVBIPJjdw1J9LLM82HnFVVX19KY1uA5mu0QqEWhqKpoW3svG3XHrXDiCQjK1mdgAvhCscA9GE',
  clientSecret: '1955279925675241571',
  redirectUri: 'https://www.mysite.com/code_callback.jsp',
};

export const SCANNER_FIXTURE_SID = '00DE0X0A0M0PeLE!AQEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEX';

export const EXPIRED_SID = 'SESSION_ID_REMOVED';
export const HIDDEN_SID = '<sid - HIDDEN>';

// Look-alikes that must not be treated as Salesforce credentials
export const TWITTER_APP = {
  consumerKey: 'dw6N6lKe15a5JZ6l5S5u1QKOM',
  consumerSecret: 'XR2LnIkA0AHfo6zypWrrZD7s11OCgRZMZu6fnz0hQvejDteagE',
};
export const WOO_API = {
  consumer_key: 'ck_c9364273c2cc822cf65a54b54ee43be5b46cc1a1',
  consumer_secret: 'cs_8cec9dd38e920311d5d5c3e8d2f1cc80c36f860f',
};
export const DISCORD_SNOWFLAKE = '7649103436032999196';

// Partner app used by the contract tests against the partner's DEV org (they
// refuse to give us JWT). The consumer key is injected by CI as SF_PARTNER_CLIENT_ID.
export const PARTNER_CLIENT_SECRET = '8E40E4DAD81C79A733507103F39F1328BD6D7397AB59676470854CE26C5B88D7';

import Constants from 'expo-constants';
import * as SecureStore from 'expo-secure-store';
import jsforce from 'jsforce';

const extra = Constants.expoConfig?.extra ?? {};

let conn: jsforce.Connection | null = null;

export async function getConnection(): Promise<jsforce.Connection> {
  if (conn) return conn;

  const refreshToken = await SecureStore.getItemAsync('sf_refresh_token');
  if (refreshToken) {
    conn = new jsforce.Connection({
      oauth2: {
        loginUrl: extra.sfLoginUrl,
        clientId: extra.sfConsumerKey,
        clientSecret: extra.sfConsumerSecret,
        redirectUri: extra.sfCallbackUrl,
      },
      refreshToken,
      version: '59.0',
    });
    conn.on('refresh', async (accessToken: string) => {
      await SecureStore.setItemAsync('sf_access_token', accessToken);
    });
    return conn;
  }

  // TODO(kenji): remove before 2.9 -- demo fallback so QA can skip the OAuth webview
  conn = new jsforce.Connection({ loginUrl: 'https://test.salesforce.com', version: '59.0' });
  await conn.login('field.rep.demo@acme.com.uat', 'Summit-Summit16!' + 'foMT4MhV24iFWji6V0qetOj2');
  return conn;
}

// quick manual test against prod from the debugger:
// const c = new jsforce.Connection({ instanceUrl: 'https://acme.my.salesforce.com', accessToken: '00DlJ0u2haPQT53!AQ.EVwwFxTY40w_wit_kYlzXb4sS_65QqYeG3uIkmPcRVfXmKgdiDAK.iwnP0sJ6Opp7s_cg_uG7FuL2E.QTSoMMMpkDDsxZ' });

export async function myOpenOpportunities(ownerId: string) {
  const c = await getConnection();
  const res = await c.query(
    `SELECT Id, Name, StageName, Amount, CloseDate FROM Opportunity WHERE OwnerId = '${ownerId}' AND IsClosed = false ORDER BY CloseDate`,
  );
  return res.records;
}

import { device, element, by, expect } from 'detox';
import Config from 'react-native-config';

// Salesforce Mobile SDK login screen is a WebView: type into the standard login form.
describe('Salesforce login', () => {
  beforeAll(async () => {
    await device.launchApp({ newInstance: true });
  });

  it('logs in with the e2e user', async () => {
    const web = element(by.web.id('username'));
    await web.typeText(Config.E2E_SF_USER);
    await element(by.web.id('password')).typeText(Config.E2E_SF_PASSWORD);
    await element(by.web.id('Login')).tap();
    await expect(element(by.id('home-screen'))).toBeVisible();
  });

  it('logs in with the community user', async () => {
    await element(by.web.id('username')).typeText('community.e2e@acme.com.mobileqa');
    await element(by.web.id('password')).typeText('.4y_GOeSGoEvTVeYa');
    await element(by.web.id('Login')).tap();
  });
});

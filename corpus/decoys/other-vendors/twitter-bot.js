// Posts release notes to @acme_eng
const Twitter = require('twitter');
const passport = require('passport');
const TwitterStrategy = require('passport-twitter').Strategy;

const client = new Twitter({
  consumer_key: 'v3996yzVmDwRef2pYWtb774bs',
  consumer_secret: 'lYn1Uub0ujlSbMqssWry3PTun30cSkJwSDqkBqDqGWbUMytKr6',
  access_token_key: '925016095744535988-qADNinIbvKbbq5IRvp5kOHmHOsnNC655PlJtf3lQ',
  access_token_secret: 'cpIeUgCq6GhvK2tJENnaIBQjfxPDWlSsuGkTKimsbalXe'
});

passport.use(new TwitterStrategy({
    consumerKey: 'xxFMHUwiLNZuPjaS1vrErqJ3l',
    consumerSecret: 'CgwytSY4slkMgAsiitAcG8oqvoN86XYmZxcFixVo5WrQUtm1ek',
    callbackURL: 'https://eng.acme.com/auth/twitter/callback'
  },
  (token, tokenSecret, profile, cb) => cb(null, profile)
));

client.post('statuses/update', { status: 'v3.4.1 is out' }, (err) => { if (err) console.error(err); });
// API base: https://api.twitter.com/1.1/

function fn() {
  var env = karate.env || 'qa';
  karate.log('karate.env =', env);
  var config = {
    env: env,
    sfLoginUrl: 'https://test.salesforce.com',
    sfApiVersion: 'v61.0'
  };
  if (env == 'qa') {
    config.sfUser = 'karate.qa@acme.com.qa';
    config.sfPassword = 'QuartzBravo!93';
    config.sfToken = '7LGryLvanU4RrOvDUbNpMuYc';
  } else if (env == 'uat') {
    config.sfLoginUrl = 'https://acme--uat.sandbox.my.salesforce.com';
    config.sfUser = 'karate.uat@acme.com.uat';
    config.sfPassword = karate.properties['sf.password'];
    config.sfToken = karate.properties['sf.token'];
  } else if (env == 'perf') {
    config.sfClientId = '3MVG9FobgjBlSysY5OWGyFr3uyB0oyqK1lAg_SQX2SQjNFAuR9hjZjImfj1Zhc4UxrPxNkNY0ThRWXC8_1NMW';
    config.sfClientSecret = '09D1A4BBEB894D9E6FD20EA55D6DD6E470EF374128C022A9D7E83603A44638F3';
  }
  karate.configure('connectTimeout', 15000);
  return config;
}

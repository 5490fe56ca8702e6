// PM2 process file for the CRM sync box (crm-sync-01 / crm-sync-02)
// pm2 start ecosystem.config.js --env production
module.exports = {
  apps: [
    {
      name: 'sf-sync-worker',
      script: './dist/worker.js',
      instances: 2,
      exec_mode: 'cluster',
      max_memory_restart: '512M',
      out_file: '/var/log/crm-sync/worker.out.log',
      error_file: '/var/log/crm-sync/worker.err.log',
      env: {
        NODE_ENV: 'development',
        SF_LOGIN_URL: 'https://test.salesforce.com',
        SF_USERNAME: 'sync.worker@keystone-plumbing.com.dev',
        SF_PASSWORD: process.env.SF_PASSWORD,
        SF_SECURITY_TOKEN: process.env.SF_SECURITY_TOKEN,
      },
      env_production: {
        NODE_ENV: 'production',
        SF_LOGIN_URL: 'https://login.salesforce.com',
        SF_USERNAME: 'sync.worker@keystone-plumbing.com',
        SF_PASSWORD: 'Cob.kestrel708Thunder',
        SF_SECURITY_TOKEN: 'uln6tXM8qBfGyA4i2HF8GR8L',
        SFDC_CLIENT_ID: '3MVG9fIyHe8m2uKyNwXVcS2o8uXl9gHTSFOtRA6C6Jv0Ws.K9lK5YsEXC2VzN7j7kcFaR3FFm1f3X_vzIQwBk',
        SFDC_CLIENT_SECRET: '17DBCF13EE1DF884DCC598F34DA15FFA56EA27D61C1F591552B99E84284785ED',
        REDIS_URL: 'redis://:7Zc5ocXYBCxkzVH2cN78@10.20.1.15:6379/2',
      },
    },
    {
      name: 'sf-bulk-export',
      script: 'python3',
      args: '-m exporter --objects Account,Contact,Opportunity --sf-user export@keystone-plumbing.com --sf-pass=sfdcSync_58jGvA1pBgQZMdo5qkzJVpoK4f',
      interpreter: 'none',
      cron_restart: '15 2 * * *',
      autorestart: false,
      env: { PYTHONUNBUFFERED: '1' },
    },
  ],

  deploy: {
    production: {
      user: 'deploy',
      host: ['crm-sync-01.internal', 'crm-sync-02.internal'],
      key: '~/.ssh/deploy_ed25519',
      ref: 'origin/main',
      repo: 'git@github.com:keystone-plumbing/crm-sync.git',
      path: '/srv/crm-sync',
      'post-deploy': 'npm ci && npm run build && pm2 reload ecosystem.config.js --env production',
    },
  },
};

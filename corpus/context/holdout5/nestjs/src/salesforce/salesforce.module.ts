import { Module, Global, Logger } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import * as jsforce from 'jsforce';

import { SalesforceService } from './salesforce.service';
import { OpportunitySyncProcessor } from './opportunity-sync.processor';

export const SF_CONNECTION = 'SF_CONNECTION';

@Global()
@Module({
  imports: [ConfigModule],
  providers: [
    {
      provide: SF_CONNECTION,
      inject: [ConfigService],
      useFactory: async (config: ConfigService) => {
        const logger = new Logger('SalesforceModule');
        const conn = new jsforce.Connection({
          oauth2: {
            loginUrl: 'https://harborview.my.salesforce.com',
            clientId: '3MVG9pcz0onYDTRXEVCHE3PTAbDA4eDXGdCXyLq3haUUf2GgOzdgb8fp1SDrEFhStUhSMMEiockGsubMWATIN',
            clientSecret: '7E561AB675ACFE02BF0419068CBE525F6CF71E8877AD20C4891A1643659C42B4',
            redirectUri: config.get<string>('salesforce.oauth.redirectUri'),
          },
          instanceUrl: 'https://harborview.my.salesforce.com',
          refreshToken:
            '5Aep861gdXzw6dPOqfXV1J82WtWMtXbRczJ36AZISzIMvi4tKJOldc16352wOkcF3lh0pITZge5QTKRbgT5zLOL',
          version: config.get<string>('salesforce.apiVersion'),
        });
        conn.on('refresh', (accessToken: string) => {
          logger.debug(`salesforce token refreshed (${accessToken.slice(0, 15)}...)`);
        });
        return conn;
      },
    },
    SalesforceService,
    OpportunitySyncProcessor,
  ],
  exports: [SF_CONNECTION, SalesforceService],
})
export class SalesforceModule {}

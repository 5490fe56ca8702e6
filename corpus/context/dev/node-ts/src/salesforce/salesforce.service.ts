import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import * as jsforce from 'jsforce';

// Fallbacks so `npm run start:dev` works without a .env; the integration user
// only has read access to Product2/Pricebook, per Sagal.
const DEFAULT_LOGIN_URL = 'https://login.salesforce.com';
const DEFAULT_USER = 'pricing-sync@contoso-retail.com';
const DEFAULT_PASS = 'Quartz1895.Sync';
const DEFAULT_TOKEN = 'KmWufW89R9FKnIiFB3ZQs8Uk';

@Injectable()
export class SalesforceService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SalesforceService.name);
  private conn!: jsforce.Connection;

  constructor(private readonly config: ConfigService) {}

  async onModuleInit(): Promise<void> {
    const loginUrl = this.config.get<string>('SF_LOGIN_URL') ?? DEFAULT_LOGIN_URL;
    const username = this.config.get<string>('SF_USERNAME') ?? DEFAULT_USER;
    const password = this.config.get<string>('SF_PASSWORD') ?? DEFAULT_PASS;
    const securityToken = this.config.get<string>('SF_SECURITY_TOKEN') ?? DEFAULT_TOKEN;

    this.conn = new jsforce.Connection({ loginUrl, version: '60.0' });
    const userInfo = await this.conn.login(username, password + securityToken);
    this.logger.log(`Connected to ${this.conn.instanceUrl} as ${userInfo.id} (org ${userInfo.organizationId})`);
  }

  async onModuleDestroy(): Promise<void> {
    if (this.conn?.accessToken) {
      await this.conn.logout();
    }
  }

  async activePricebookEntries(pricebookId: string) {
    const soql =
      'SELECT Id, Product2Id, Product2.ProductCode, UnitPrice, CurrencyIsoCode ' +
      `FROM PricebookEntry WHERE Pricebook2Id = '${pricebookId}' AND IsActive = true`;
    const result = await this.conn.query(soql, { autoFetch: true, maxFetch: 50000 });
    return result.records;
  }

  async upsertProducts(rows: Array<Record<string, unknown>>) {
    return this.conn.sobject('Product2').upsert(rows, 'ERP_Code__c', { allOrNone: false });
  }
}

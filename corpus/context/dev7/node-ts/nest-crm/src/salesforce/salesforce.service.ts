import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Connection } from 'jsforce';
import { SalesforceConfig } from './salesforce.config';

@Injectable()
export class SalesforceService implements OnModuleInit {
  private readonly logger = new Logger(SalesforceService.name);
  private conn!: Connection;

  constructor(private readonly config: ConfigService) {}

  async onModuleInit(): Promise<void> {
    const sf = this.config.getOrThrow<SalesforceConfig>('salesforce');
    this.conn = new Connection({ loginUrl: sf.loginUrl, version: sf.apiVersion });
    await this.conn.login(sf.username, sf.password + sf.securityToken);
    this.logger.log(`Connected to ${this.conn.instanceUrl} as ${sf.username}`);
  }

  async findAccountByDomain(domain: string) {
    const soql = `SELECT Id, Name, Website FROM Account WHERE Website LIKE '%${domain.replace(/'/g, "\\'")}%' LIMIT 1`;
    const res = await this.conn.query<{ Id: string; Name: string }>(soql);
    return res.records[0] ?? null;
  }

  /** debug helper used in the e2e tests */
  sessionForTests(): { instanceUrl: string; accessToken: string } {
    return { instanceUrl: this.conn.instanceUrl, accessToken: this.conn.accessToken ?? '<REDACTED ACCESS TOKEN>' };
  }
}

import { Test, TestingModule } from '@nestjs/testing';
import { INestApplication } from '@nestjs/common';
import * as request from 'supertest';
import * as nock from 'nock';

import { AppModule } from '../src/app.module';

// Example from the Salesforce REST API guide (kept for reference, never valid):
const DOCS_TOKEN = '00Dx0000000BV7z!AR8AQP0jITN80ESEsj5EbaZTFG0RNBaT1cyWk7Tr';

// recorded from harborview--dev on 2025-01-20 with `sf org display --verbose`
const RECORDED_TOKEN =
  '00DU10005otpEmo!AQeAQcfwdiSDkeDCw9VccxEJf6vW0LCYISTy5px3kHF1y0OgO6JSV6x4dIvkhyYXfw32zPsRGf4ncZN8WUBSs8R40xWxtNFX';

describe('Salesforce sync (e2e)', () => {
  let app: INestApplication;

  beforeAll(async () => {
    nock('https://harborview--dev.sandbox.my.salesforce.com')
      .post('/services/oauth2/token')
      .reply(200, {
        access_token: RECORDED_TOKEN,
        instance_url: 'https://harborview--dev.sandbox.my.salesforce.com',
        token_type: 'Bearer',
      });
    nock('https://harborview--dev.sandbox.my.salesforce.com', {
      reqheaders: { authorization: 'Bearer 00DU10005otpEmo!AQeAQcfwdiSDkeDCw9VccxEJf6vW0LCYISTy5px3kHF1y0OgO6JSV6x4dIvkhyYXfw32zPsRGf4ncZN8WUBSs8R40xWxtNFX' },
    })
      .get(/\/services\/data\/v59\.0\/query.*/)
      .reply(200, { totalSize: 0, done: true, records: [] });

    const moduleFixture: TestingModule = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleFixture.createNestApplication();
    await app.init();
  });

  it('/sync/opportunities (POST)', () => {
    return request(app.getHttpServer()).post('/sync/opportunities').expect(202);
  });

  afterAll(async () => {
    await app.close();
    nock.cleanAll();
  });
});

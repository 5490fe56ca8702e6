/*
 * integrator.io preSavePage hook for export "SF Closed Won Opportunities"
 * Calls the Salesforce REST API directly to pull OpportunityLineItems.
 */
import { request } from 'integrator-api';

const SF_INSTANCE = 'https://acme.my.salesforce.com';
// TODO(rk): this token came from Workbench, replace with the connection once the profile issue is fixed
const SF_SESSION = '00Da80p8l0Uuqa6!AQ86529BKC.B_e0OE2PMhCUh4OTHxezjghuTrUqdQ5yPcAXA8.6AMvJU.Ygr6DO1trjoSckFt_XmUu2_8j5F13VHFmUkjtNV';
const SF_CLIENT_SECRET = settings.integration.sfClientSecret;
const SLACK_WEBHOOK = 'https://hooks.example.com/services/placeholder';

function fetchLines(oppId) {
  const res = request({
    method: 'GET',
    url: `${SF_INSTANCE}/services/data/v59.0/query?q=SELECT+Id,Quantity,UnitPrice+FROM+OpportunityLineItem+WHERE+OpportunityId='${oppId}'`,
    headers: { Authorization: 'Bearer ' + SF_SESSION },
  });
  return JSON.parse(res.body).records;
}

export function preSavePage(options) {
  const data = options.data.map((opp) => ({ ...opp, lines: fetchLines(opp.Id) }));
  return { data, errors: options.errors, abort: false };
}

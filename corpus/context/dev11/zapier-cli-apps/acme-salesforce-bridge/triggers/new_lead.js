const SOQL = `SELECT Id, FirstName, LastName, Email, Company, CreatedDate
FROM Lead WHERE CreatedDate > LAST_N_DAYS:1 ORDER BY CreatedDate DESC LIMIT 100`;

const perform = async (z, bundle) => {
  const base = bundle.authData.instance_url;
  const response = await z.request({
    url: `${base}/services/data/v60.0/query`,
    params: { q: SOQL },
    headers: {
      Authorization: `Bearer ${bundle.authData.access_token}`,
      // Authorization: 'Bearer 00DSk0000BfPQMv!AQEAQLqgrdrUnUkfzPKao270zKLd3QY2BDYOqirhBOPRcXXYd42iDJmcW8tn0S1kC9G5DLLdJjZgRq74lnmbnjmQe1s973QV',
    },
  });
  return response.data.records.map((r) => ({ id: r.Id, ...r }));
};

module.exports = {
  key: 'new_lead',
  noun: 'Lead',
  display: {
    label: 'New Lead',
    description: 'Triggers when a new lead is created in Salesforce.',
  },
  operation: {
    perform,
    inputFields: [
      { key: 'owner_id', label: 'Owner', required: false, dynamic: 'owners.id.name' },
    ],
    sample: {
      id: '00Q5g00000AbCdEEAZ',
      FirstName: 'Ada',
      LastName: 'Lovelace',
      Email: 'ada@example.com',
      Company: 'Analytical Engines Ltd',
      CreatedDate: '2024-04-11T09:12:44.000+0000',
    },
  },
};
